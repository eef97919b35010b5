import fc from 'fast-check';
import { answerContactability } from './contactability.check';
import { materialTextV2, profileOf, topicOf } from './contactability.fixtures';
import { contactabilityRow } from './contactability.row';
import {
  CIPHER_MAIL,
  CIPHER_SMS,
  LATER,
  MAIL_INDEX,
  NOW,
  SMS_INDEX,
  subjectEvent,
  T1,
  T2,
  topicEvent,
} from './projection.fixtures';
import type { ProjectedEvent } from './read-model';
import { blockSet, doiRequested, evidence, granted, objection, registered, revoked } from './subject-profile.fixtures';

const smsAdded = () =>
  subjectEvent(
    'ContactPointAdded',
    { contactPointId: 'cp-sms', channel: 'sms', address: CIPHER_SMS, addedAt: T1 },
    {
      'cp-sms': SMS_INDEX,
    },
  );

/** Every kind of subject event the decision rests on, in the variants that change it. */
const EVENTS: ReadonlyArray<() => ProjectedEvent> = [
  smsAdded,
  () => subjectEvent('ContactPointRemoved', { contactPointId: 'cp-mail', removedAt: T1 }),
  () => granted(),
  () => granted({ contactPointId: 'cp-mail' }),
  () => granted({ channel: 'sms', contactPointId: 'cp-sms' }),
  () => granted({ expiresAt: T2 }),
  () => granted({ evidence: evidence(2) }),
  () => revoked(),
  () => revoked({ contactPointId: 'cp-mail' }),
  () => doiRequested(),
  () => doiRequested({ expiresAt: T2 }),
  () => subjectEvent('DoubleOptInConfirmed', { requestId: 'doi-1', confirmedAt: T2 }),
  () => subjectEvent('DoubleOptInExpired', { requestId: 'doi-1', expiredAt: T2 }),
  () => blockSet({ kind: 'global' }, 'b-global'),
  () => blockSet({ kind: 'channel', channel: 'email' }, 'b-channel'),
  () => blockSet({ kind: 'topic', topicId: 'newsletter' }, 'b-topic'),
  () => blockSet({ kind: 'contact_point', contactPointId: 'cp-mail' }, 'b-point'),
  () => subjectEvent('ContactBlockLifted', { blockId: 'b-global', liftedAt: T2 }),
  () => objection({ kind: 'direct_marketing' }),
  () => objection({ kind: 'topic', topicId: 'newsletter' }),
  () => objection({ kind: 'channel', channel: 'sms' }),
  () => objection({ kind: 'profiling' }),
  () => subjectEvent('SubjectErased', { cause: 'data_subject_request', erasedAt: T2 }),
];

const TOPICS = [
  () => topicOf('consent'),
  () => topicOf('consent', materialTextV2()),
  () => topicOf('legitimate_interest'),
  () => topicOf('consent', topicEvent('newsletter', 'TopicRetired', { retiredAt: T1 })),
];

const history = fc.array(fc.integer({ min: 0, max: EVENTS.length - 1 }), { maxLength: 12 });
const question = fc.record({
  topic: fc.integer({ min: 0, max: TOPICS.length - 1 }),
  channel: fc.constantFrom('email', 'sms'),
  contactPointId: fc.constantFrom(undefined, 'cp-mail', 'cp-sms', 'cp-none'),
  now: fc.constantFrom(NOW, LATER),
});

const profileFrom = (picks: readonly number[]) => profileOf(registered(), ...picks.map((i) => EVENTS[i]!()));
/** As the store hands it back: a JSON round trip. */
const stored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('contactabilityRow', () => {
  it('answers every check as the whole profile does, whatever the history', () => {
    fc.assert(
      fc.property(history, question, (picks, { topic, channel, contactPointId, now }) => {
        const profile = profileFrom(picks);
        const view = TOPICS[topic]!();
        const check = { subjectId: profile.subjectId, topicId: 'newsletter', channel, contactPointId };
        const fromRow = answerContactability({ profile: stored(contactabilityRow(profile)), topic: view }, check, now);
        expect(fromRow).toEqual(answerContactability({ profile, topic: view }, check, now));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps no ciphertext, address, blind index, reason or hash, before or after erasure', () => {
    fc.assert(
      fc.property(history, (picks) => {
        const row = JSON.stringify(contactabilityRow(profileFrom(picks)));
        for (const secret of [CIPHER_MAIL, CIPHER_SMS, MAIL_INDEX, SMS_INDEX, 'enc:', '1'.repeat(64), 'shop'])
          expect(row).not.toContain(secret);
      }),
      { numRuns: 200 },
    );
  });

  it('after erasure says only that the subject is erased, with ids and states that keep it uncontactable', () => {
    const erased = subjectEvent('SubjectErased', { cause: 'data_subject_request', erasedAt: T2 });
    const row = contactabilityRow(profileOf(registered(), granted(), smsAdded(), erased));
    expect(row).toMatchObject({ erased: true, erasedEventId: erased.id });
    expect(row.contactPoints.map((p) => p.status)).toEqual(['removed', 'removed']);
    expect(Object.keys(row).sort()).toEqual(
      ['blocks', 'consents', 'contactPoints', 'erased', 'erasedEventId', 'objections', 'subjectId'].sort(),
    );
  });
});
