import { foldEvents } from '#testing';
import { NOW, SUBJECT_ID, doiRequested, granted, registered, smsAdded } from './subject.fixtures';
import { subjectDecider } from './subject.decider';
import type { SubjectEvent } from './subject.events';
import type { RegisteredSubject } from './subject.state';

const stateAfter = (events: SubjectEvent[]) => foldEvents(subjectDecider, events) as RegisteredSubject;
const ids = { subjectId: SUBJECT_ID };

describe('subject state (evolve)', () => {
  it('starts not registered', () => {
    expect(foldEvents(subjectDecider, [])).toEqual({ status: 'not_registered' });
  });

  it('keeps contact points, tombstones removed ones, and applies profile changes', () => {
    const state = stateAfter([
      registered(),
      smsAdded(),
      {
        type: 'ContactPointRectified',
        data: { ...ids, contactPointId: 'cp-mail', address: 'a@example.org', rectifiedAt: NOW },
      },
      { type: 'ContactPointRemoved', data: { ...ids, contactPointId: 'cp-sms', removedAt: NOW } },
      {
        type: 'ProfileRectified',
        data: { ...ids, changes: { firstName: null, lastName: 'Muster' }, rectifiedAt: NOW },
      },
    ]);
    expect(state.contactPoints).toEqual({
      'cp-mail': { status: 'active', contactPointId: 'cp-mail', channel: 'email', address: 'a@example.org' },
      'cp-sms': { status: 'removed', contactPointId: 'cp-sms', channel: 'sms' },
    });
    expect(state.profile).toEqual({ lastName: 'Muster' });
  });

  it('keeps the grant evidence and text version as proof, also after revocation', () => {
    const revoked: SubjectEvent = {
      type: 'ConsentRevoked',
      data: { ...ids, topicId: 'newsletter', channel: 'email', revokedAt: NOW },
    };
    const state = stateAfter([registered(), granted(), revoked]);
    expect(state.consents['newsletter/email']).toMatchObject({
      status: 'revoked',
      revokedAt: NOW,
      grant: { evidence: { textVersion: 2, method: 'checkbox', affirmativeAction: true }, topicMaterialVersion: 1 },
    });
  });

  it('moves a consent through pending double opt-in to granted on confirmation', () => {
    const pending = stateAfter([registered(), doiRequested()]);
    expect(pending.consents['newsletter/email/cp-mail']).toMatchObject({
      status: 'pending-double-opt-in',
      requestId: 'doi-1',
    });
    const confirmed = stateAfter([
      registered(),
      doiRequested(),
      { type: 'DoubleOptInConfirmed', data: { ...ids, requestId: 'doi-1', confirmedAt: NOW } },
      granted({ contactPointId: 'cp-mail' }),
    ]);
    expect(confirmed.doubleOptIns['doi-1']).toMatchObject({ status: 'confirmed', confirmedAt: NOW });
    expect(confirmed.consents['newsletter/email/cp-mail']).toMatchObject({ status: 'granted' });
  });

  it('records a lapsed double opt-in as an expired consent', () => {
    const expired: SubjectEvent = { type: 'DoubleOptInExpired', data: { ...ids, requestId: 'doi-1', expiredAt: NOW } };
    const state = stateAfter([registered(), doiRequested(), expired]);
    expect(state.consents['newsletter/email/cp-mail']).toMatchObject({ status: 'expired', expiredAt: NOW });
    expect(state.doubleOptIns['doi-1']).toMatchObject({ status: 'expired' });
  });

  it('leaves a granted consent granted while a new double opt-in is pending', () => {
    const state = stateAfter([
      registered(),
      granted({ contactPointId: 'cp-mail' }),
      doiRequested({ requestId: 'doi-2' }),
    ]);
    expect(state.consents['newsletter/email/cp-mail']).toMatchObject({ status: 'granted' });
    expect(state.doubleOptIns['doi-2']).toMatchObject({ status: 'pending' });
  });

  it('keeps objections by scope and blocks until lifted', () => {
    const state = stateAfter([
      registered(),
      { type: 'ObjectionRaised', data: { ...ids, scope: { kind: 'channel', channel: 'sms' }, raisedAt: NOW } },
      {
        type: 'ContactBlockSet',
        data: {
          ...ids,
          blockId: 'b1',
          scope: { kind: 'global' },
          reason: 'r',
          reference: { kind: 'request', id: 'q' },
          setAt: NOW,
        },
      },
      { type: 'ContactBlockLifted', data: { ...ids, blockId: 'b1', liftedAt: NOW } },
    ]);
    expect(state.objections).toEqual({ 'channel/sms': { scope: { kind: 'channel', channel: 'sms' }, raisedAt: NOW } });
    expect(state.blocks.b1).toMatchObject({
      status: 'lifted',
      liftedAt: NOW,
      reference: { kind: 'request', id: 'q' },
    });
  });
});
