import { createHash } from 'node:crypto';
import { MasterKey } from '#crypto';
import { DomainError, type SubjectState } from '#domain';
import { DoubleOptInTokens } from '#application';
import { JourneyKeys } from '#runtime';
import { doubleOptInMail, mailLanguage } from './mail/doi-mail-template';
import { messageIdFor } from './mail/mail-outbox';
import { unsubscribePlan } from './unsubscribe/unsubscribe-plan';
import { UnsubscribeTokens } from './unsubscribe/unsubscribe-token';
import { webhookRetryDelay } from './webhooks/backoff';
import { DeliveryProgress } from './webhooks/delivery-progress';

const keys = JourneyKeys.fromMaster(MasterKey.fromBytes(Buffer.alloc(32, 7)));
const otherKeys = JourneyKeys.fromMaster(MasterKey.fromBytes(Buffer.alloc(32, 8)));
const subjectId = '6f1c2b8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b';

describe('double opt-in tokens', () => {
  it('rebuilds the token of a request from its recorded hash, and only that one', () => {
    const tokens = new DoubleOptInTokens(keys);
    const token = tokens.issue(subjectId, 'req-1');
    const hash = createHash('sha256').update(token).digest('hex');
    expect(token.startsWith(`${subjectId}.`)).toBe(true);
    expect(tokens.reissue(subjectId, 'req-1', hash)).toBe(token);
    expect(tokens.reissue(subjectId, 'req-2', hash)).toBeUndefined();
    expect(new DoubleOptInTokens(otherKeys).reissue(subjectId, 'req-1', hash)).toBeUndefined();
  });
});

describe('unsubscribe tokens', () => {
  const tokens = new UnsubscribeTokens(keys);
  const claim = { subjectId, topicId: 'news', channel: 'email', expiresAt: 2_000 };

  it('verifies its own signature and refuses altered, foreign and expired links', () => {
    const token = tokens.sign(claim);
    expect(tokens.verify(token, 1_000)).toEqual(claim);
    const code = (fn: () => unknown) => {
      try {
        fn();
        return 'none';
      } catch (e) {
        return (e as DomainError).code;
      }
    };
    expect(code(() => tokens.verify(`${token.slice(0, -2)}xx`, 1_000))).toBe('UNSUBSCRIBE.TOKEN_INVALID');
    expect(code(() => new UnsubscribeTokens(otherKeys).verify(token, 1_000))).toBe('UNSUBSCRIBE.TOKEN_INVALID');
    expect(code(() => tokens.verify('garbage', 1_000))).toBe('UNSUBSCRIBE.TOKEN_INVALID');
    expect(code(() => tokens.verify(token, 2_001))).toBe('UNSUBSCRIBE.TOKEN_EXPIRED');
  });

  it('signs a link without expiry that verifies at any time, still bound to subject, topic and channel', () => {
    const forever = { subjectId, topicId: 'news', channel: 'email' };
    const token = tokens.sign(forever);
    expect(tokens.verify(token, 4_102_444_800)).toEqual(forever);
    const [, mac] = token.split('.');
    const otherTopic = Buffer.from(JSON.stringify({ s: subjectId, t: 'other', c: 'email' })).toString('base64url');
    expect(() => tokens.verify(`${otherTopic}.${mac}`, 0)).toThrow(
      expect.objectContaining({ code: 'UNSUBSCRIBE.TOKEN_INVALID' }),
    );
  });
});

describe('unsubscribePlan', () => {
  const grant = { evidence: {} as never, topicMaterialVersion: 1, grantedAt: 't' };
  const registered = (over: Partial<Extract<SubjectState, { status: 'registered' }>> = {}) =>
    ({
      status: 'registered',
      subjectId,
      locale: 'en',
      contactPoints: {},
      profile: {},
      consents: {},
      doubleOptIns: {},
      objections: {},
      blocks: {},
      ...over,
    }) as unknown as SubjectState;

  it('objects to the topic and withdraws a granted consent on the channel (Art. 21(3), 7(3))', () => {
    const state = registered({
      consents: { 'news/email': { status: 'granted', scope: { topicId: 'news', channel: 'email' }, grant } },
    });
    expect(unsubscribePlan(state, 'news', 'email')).toEqual([
      { type: 'RaiseObjection', data: { scope: { kind: 'topic', topicId: 'news' } } },
      { type: 'RevokeConsent', data: { topicId: 'news', channel: 'email' } },
    ]);
  });

  it('only objects where nothing was consented (legitimate interest) or another channel was', () => {
    const state = registered({
      consents: { 'news/sms': { status: 'granted', scope: { topicId: 'news', channel: 'sms' }, grant } },
    });
    expect(unsubscribePlan(state, 'news', 'email')).toEqual([
      { type: 'RaiseObjection', data: { scope: { kind: 'topic', topicId: 'news' } } },
    ]);
  });

  it('plans nothing on a second click, nor for an erased or unknown subject', () => {
    const done = registered({
      objections: { 'topic/news': { scope: { kind: 'topic', topicId: 'news' }, raisedAt: 't' } },
    });
    expect(unsubscribePlan(done, 'news', 'email')).toEqual([]);
    expect(unsubscribePlan({ status: 'not_registered' }, 'news', 'email')).toEqual([]);
  });
});

describe('webhook back-off', () => {
  it('doubles the delay per attempt up to the cap, with half of it jittered', () => {
    const settings = { retryBaseMs: 1_000, retryMaxMs: 600_000 };
    expect([1, 2, 3].map((n) => webhookRetryDelay(settings, n, () => 0))).toEqual([500, 1_000, 2_000]);
    expect(webhookRetryDelay(settings, 3, () => 1)).toBe(4_000);
    expect(webhookRetryDelay(settings, 20, () => 1)).toBe(600_000);
  });
});

describe('DeliveryProgress', () => {
  it('keeps the watermark below the oldest pending event and remembers what finished above it', () => {
    const progress = new DeliveryProgress({ watermark: 0, doneAbove: [] });
    [3, 5, 8].forEach((p) => progress.track(p));
    progress.read(9);
    progress.complete(5);
    progress.complete(8);
    expect(progress.snapshot()).toEqual({ watermark: 2, doneAbove: [5, 8] });
    progress.complete(3);
    expect(progress.snapshot()).toEqual({ watermark: 9, doneAbove: [] });
  });

  it('anchors a snapshot on the last event read, so a resume can check it against the log', () => {
    const progress = new DeliveryProgress({ watermark: 0, doneAbove: [] });
    progress.track(3);
    progress.read(4, 'e-4');
    progress.read(2, 'e-2');
    expect(progress.snapshot()).toEqual({ watermark: 2, doneAbove: [], anchor: { position: 4, eventId: 'e-4' } });
  });

  it('resumes from a snapshot: done events are skipped, pending ones come again', () => {
    const resumed = new DeliveryProgress({ watermark: 2, doneAbove: [5, 8] });
    expect([2, 3, 5, 8, 9].map((p) => resumed.isDone(p))).toEqual([true, false, true, true, false]);
  });
});

describe('double opt-in mail', () => {
  const input = {
    topicTitle: 'News',
    consentText: 'Yes <please>',
    link: 'https://l.test/double-opt-in?token=a&b',
    expiresAt: '2025-03-03T10:00:00.000Z',
  };

  it('speaks German to any de locale and English otherwise', () => {
    expect(['de', 'de-AT', 'de_CH', 'en-GB', 'fr'].map(mailLanguage)).toEqual(['de', 'de', 'de', 'en', 'en']);
    expect(doubleOptInMail({ ...input, locale: 'de-DE' }).subject).toBe('Bitte bestätigen Sie Ihre Anmeldung: News');
    expect(doubleOptInMail({ ...input, locale: 'en' }).subject).toBe('Please confirm your subscription: News');
  });

  it('quotes the consent text and escapes it in HTML', () => {
    const mail = doubleOptInMail({ ...input, locale: 'en' });
    expect(mail.text).toContain('> Yes <please>');
    expect(mail.html).toContain('Yes &lt;please&gt;');
    expect(mail.html).toContain('href="https://l.test/double-opt-in?token=a&amp;b"');
  });

  it('derives the Message-ID from the event id and the sender’s domain', () => {
    expect(messageIdFor('e-1', 'Ledger <no-reply@mail.example.org>')).toBe('<doi-e-1@mail.example.org>');
    expect(messageIdFor('e-1', 'no-reply@example.org')).toBe('<doi-e-1@example.org>');
  });
});
