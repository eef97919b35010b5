import type { RegisteredSubject } from '#domain';
import { mask, privacyCenterView } from './privacy-center-view';

const at = '2026-12-01T10:00:00.000Z';

describe('the Privacy Center view', () => {
  it('masks addresses: first letter and domain of an e-mail, country code and last two digits of a number', () => {
    expect(mask({ status: 'active', contactPointId: 'e', channel: 'email', address: 'anna@example.org' })).toBe(
      'a***@example.org',
    );
    expect(mask({ status: 'active', contactPointId: 'p', channel: 'sms', address: '+49 151 12345612' })).toBe(
      '+49 *** *** 12',
    );
    expect(mask({ status: 'active', contactPointId: 'x', channel: 'post', address: 'Hof 1' })).toBe('***');
  });

  it('shows each topic with its current text and the person’s consents, active blocks and requests, no removed address', () => {
    const subject = {
      status: 'registered',
      subjectId: 's',
      locale: 'de',
      contactPoints: {
        e: { status: 'active', contactPointId: 'e', channel: 'email', address: 'anna@example.org' },
        old: { status: 'removed', contactPointId: 'old', channel: 'email' },
      },
      profile: {},
      consents: {
        'news/email': {
          status: 'revoked',
          scope: { topicId: 'news', channel: 'email' },
          grant: { evidence: { method: 'checkbox', textVersion: 1 }, topicMaterialVersion: 1, grantedAt: at },
          revokedAt: at,
        },
      },
      doubleOptIns: {},
      objections: { profiling: { scope: { kind: 'profiling' }, raisedAt: at } },
      blocks: {
        b1: { status: 'active', blockId: 'b1', scope: { kind: 'channel', channel: 'sms' }, setAt: at },
        b2: { status: 'lifted', blockId: 'b2', scope: { kind: 'global' }, setAt: at, liftedAt: at },
      },
      requests: { r: { requestId: 'r', kind: 'erasure', status: 'open', channel: 'web', receivedAt: at, dueAt: at } },
      legalHolds: {},
    } as unknown as RegisteredSubject;
    const topic = {
      view: {
        id: 'news',
        title: 'News',
        legalBasis: 'consent',
        profiling: true,
        allowedChannels: ['email'],
        currentVersion: 2,
        currentMaterialVersion: 1,
      },
      description: 'Monthly news',
      texts: new Map([[2, { version: 2, language: 'en', textHash: 'h', text: 'Yes, news.' }]]),
    } as never;
    expect(privacyCenterView(subject, [topic], at)).toEqual({
      locale: 'de',
      contactPoints: [{ contactPointId: 'e', channel: 'email', masked: 'a***@example.org' }],
      topics: [
        {
          topicId: 'news',
          title: 'News',
          purpose: 'Monthly news',
          legalBasis: 'consent',
          profiling: true,
          channels: ['email'],
          text: { version: 2, language: 'en', text: 'Yes, news.' },
          consents: [{ channel: 'email', status: 'revoked', since: at, method: 'checkbox' }],
        },
      ],
      objections: [{ kind: 'profiling', raisedAt: at }],
      blocks: [{ blockId: 'b1', kind: 'channel', channel: 'sms', setAt: at }],
      requests: [{ requestId: 'r', kind: 'erasure', status: 'open', receivedAt: at, dueAt: at }],
    });
  });
});
