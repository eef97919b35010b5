import {
  CIPHER_MAIL,
  CIPHER_SMS,
  fold,
  LATER,
  MAIL_INDEX,
  SMS_INDEX,
  SUBJECT,
  subjectEvent,
  T1,
  T2,
} from './projection.fixtures';
import type { ProjectedEvent } from './read-model';
import { blockSet, doiRequested, granted, objection, registered, revoked } from './subject-profile.fixtures';
import { SUBJECT_PROFILES, subjectProfileModel } from './subject-profile';
import type { SubjectProfileDocument } from './subject-profile.document';

/** Given these events, then the profile document is ... */
function profileAfter(...events: ProjectedEvent[]): SubjectProfileDocument {
  const doc = fold(subjectProfileModel, events).get(`${SUBJECT_PROFILES}/${SUBJECT}`);
  if (doc === undefined) throw new Error('no profile document');
  return doc;
}

const smsAdded = () =>
  subjectEvent(
    'ContactPointAdded',
    { contactPointId: 'cp-sms', channel: 'sms', address: CIPHER_SMS, addedAt: T1 },
    { 'cp-sms': SMS_INDEX },
  );

describe('subject profile read model', () => {
  it('SubjectRegistered: creates the profile with ciphertext as stored and the lookup key of each address', () => {
    const event = registered();
    const doc = profileAfter(event);
    expect(doc).toMatchObject({
      subjectId: SUBJECT,
      locale: 'de-DE',
      registeredAt: event.data.registeredAt,
      updatedAt: event.data.registeredAt,
      profile: { firstName: 'enc:v1:k1:iv:anna' },
    });
    expect(doc.contactPoints).toEqual([
      {
        status: 'active',
        contactPointId: 'cp-mail',
        channel: 'email',
        address: CIPHER_MAIL,
        lookupKey: MAIL_INDEX,
        eventId: event.id,
      },
    ]);
    expect(doc).toMatchObject({
      lookupKeys: [MAIL_INDEX],
      channels: ['email'],
      consents: [],
      statusKeys: [],
      askedKeys: [],
      blockKeys: [],
    });
  });

  it('ignores events of a subject that was never registered', () => {
    expect(fold(subjectProfileModel, [granted()]).size).toBe(0);
  });

  it('ContactPointAdded: adds the address, its channel and its lookup key', () => {
    const doc = profileAfter(registered(), smsAdded());
    expect(doc.contactPoints.map((p) => p.contactPointId)).toEqual(['cp-mail', 'cp-sms']);
    expect(doc).toMatchObject({ lookupKeys: [MAIL_INDEX, SMS_INDEX], channels: ['email', 'sms'], updatedAt: T1 });
  });

  it('ContactPointRectified: replaces the ciphertext and the lookup key of the old address', () => {
    const newIndex = `email:${'c'.repeat(64)}`;
    const rectified = subjectEvent(
      'ContactPointRectified',
      { contactPointId: 'cp-mail', address: 'enc:v1:k1:iv:new', rectifiedAt: T2 },
      { 'cp-mail': newIndex },
    );
    const doc = profileAfter(registered(), rectified);
    expect(doc.contactPoints[0]).toMatchObject({
      address: 'enc:v1:k1:iv:new',
      lookupKey: newIndex,
      eventId: rectified.id,
    });
    expect(doc.lookupKeys).toEqual([newIndex]);
  });

  it('ContactPointRemoved: keeps the id as removed, without address, lookup key or channel', () => {
    const removed = subjectEvent('ContactPointRemoved', { contactPointId: 'cp-mail', removedAt: T2 });
    const doc = profileAfter(registered(), granted(), removed);
    expect(doc.contactPoints).toEqual([
      { status: 'removed', contactPointId: 'cp-mail', channel: 'email', eventId: removed.id },
    ]);
    expect(doc).toMatchObject({ lookupKeys: [], channels: [], askedKeys: [], updatedAt: T2 });
  });

  it('ProfileRectified: sets changed fields and removes those set to null', () => {
    const rectified = subjectEvent('ProfileRectified', {
      changes: { firstName: null, lastName: 'enc:v1:k1:iv:berg' },
      rectifiedAt: T2,
    });
    expect(profileAfter(registered(), rectified).profile).toEqual({ lastName: 'enc:v1:k1:iv:berg' });
  });

  it('ConsentGranted: records the grant with its proof, without ip address and user agent', () => {
    const grant = granted();
    const doc = profileAfter(registered(), grant);
    expect(doc.consents).toEqual([
      {
        status: 'granted',
        scope: { topicId: 'newsletter', channel: 'email' },
        eventId: grant.id,
        grant: {
          evidence: {
            method: 'checkbox',
            capturedAt: expect.any(String),
            sourceSystem: 'shop',
            formId: 'footer',
            textVersion: 1,
            textHash: '1'.repeat(64),
            affirmativeAction: true,
          },
          topicMaterialVersion: 1,
          grantedAt: T1,
        },
      },
    ]);
    expect(doc).toMatchObject({
      consentKeys: ['newsletter/email'],
      statusKeys: ['newsletter/email/granted/v1'],
      askedKeys: ['newsletter/email'],
    });
  });

  it('ConsentGranted with an expiry: gets a time-bound status key', () => {
    expect(profileAfter(registered(), granted({ expiresAt: LATER })).statusKeys).toEqual([
      'newsletter/email/granted-expiring',
    ]);
  });

  it('ConsentRevoked: records the revocation and keeps the grant it ended', () => {
    const grant = granted();
    const revoke = revoked({ revokedAt: T2 });
    const doc = profileAfter(registered(), grant, revoke);
    expect(doc.consents[0]).toMatchObject({
      status: 'revoked',
      revokedAt: T2,
      eventId: revoke.id,
      grantEventId: grant.id,
    });
    expect(doc).toMatchObject({
      consentKeys: [],
      statusKeys: ['newsletter/email/revoked'],
      askedKeys: ['newsletter/email'],
    });
  });

  it('ConsentRevoked without a grant changes nothing', () => {
    const registration = registered();
    expect(profileAfter(registration, revoked())).toEqual(profileAfter(registration));
  });

  it('ObjectionRaised: records the objection with its event', () => {
    const raised = objection({ kind: 'topic', topicId: 'newsletter' });
    const doc = profileAfter(registered(), raised);
    expect(doc.objections).toEqual([
      { key: 'topic/newsletter', scope: { kind: 'topic', topicId: 'newsletter' }, raisedAt: T1, eventId: raised.id },
    ]);
    expect(doc.blockKeys).toEqual(['topic/newsletter']);
  });

  it('DoubleOptInRequested: opens the request and marks the consent pending', () => {
    const request = doiRequested();
    const doc = profileAfter(registered(), request);
    expect(doc.doubleOptIns).toEqual([
      {
        requestId: 'doi-1',
        topicId: 'newsletter',
        channel: 'email',
        contactPointId: 'cp-mail',
        textVersion: 1,
        expiresAt: LATER,
        requestedAt: T1,
        eventId: request.id,
      },
    ]);
    expect(doc.consents[0]).toMatchObject({ status: 'pending-double-opt-in', requestId: 'doi-1', eventId: request.id });
    expect(doc.statusKeys).toEqual(['newsletter/email/pending']);
  });

  it('DoubleOptInRequested while granted: the grant stays', () => {
    const grant = granted({ contactPointId: 'cp-mail' });
    const doc = profileAfter(registered(), grant, doiRequested());
    expect(doc.consents).toEqual([expect.objectContaining({ status: 'granted', eventId: grant.id })]);
    expect(doc.doubleOptIns).toHaveLength(1);
  });

  it('DoubleOptInConfirmed: closes the request (the grant arrives as its own event)', () => {
    const confirmed = subjectEvent('DoubleOptInConfirmed', {
      requestId: 'doi-1',
      ipAddress: 'enc:ip',
      confirmedAt: T2,
    });
    const grant = granted({ contactPointId: 'cp-mail', grantedAt: T2 });
    const doc = profileAfter(registered(), doiRequested(), confirmed, grant);
    expect(doc.doubleOptIns).toEqual([]);
    expect(doc.consents).toEqual([expect.objectContaining({ status: 'granted', eventId: grant.id })]);
  });

  it('DoubleOptInExpired: closes the request and marks the pending consent expired', () => {
    const expired = subjectEvent('DoubleOptInExpired', { requestId: 'doi-1', expiredAt: T2 });
    const doc = profileAfter(registered(), doiRequested(), expired);
    expect(doc.doubleOptIns).toEqual([]);
    expect(doc.consents[0]).toMatchObject({
      status: 'expired',
      requestId: 'doi-1',
      expiredAt: T2,
      eventId: expired.id,
    });
    expect(doc.statusKeys).toEqual(['newsletter/email/expired']);
  });

  it('ContactBlockSet: records the block with its reason (ciphertext) and reference', () => {
    const set = blockSet({ kind: 'channel', channel: 'email' });
    const doc = profileAfter(registered(), set);
    expect(doc.blocks).toEqual([
      {
        blockId: 'b-1',
        scope: { kind: 'channel', channel: 'email' },
        reason: 'enc:v1:k1:iv:reason',
        reference: { kind: 'communication', id: 'call-1' },
        setAt: T1,
        eventId: set.id,
      },
    ]);
    expect(doc.blockKeys).toEqual(['channel/email']);
  });

  it('ContactBlockLifted: removes the block', () => {
    const lifted = subjectEvent('ContactBlockLifted', { blockId: 'b-1', liftedAt: T2 });
    const doc = profileAfter(registered(), blockSet({ kind: 'global' }), lifted);
    expect(doc).toMatchObject({ blocks: [], blockKeys: [], updatedAt: T2 });
  });

  it('derives block keys for exact counts: all, or channels, topics and their pairs', () => {
    expect(
      profileAfter(registered(), blockSet({ kind: 'global' }), objection({ kind: 'channel', channel: 'sms' }))
        .blockKeys,
    ).toEqual(['all']);
    expect(profileAfter(registered(), objection({ kind: 'direct_marketing' })).blockKeys).toEqual(['all']);
    const doc = profileAfter(
      registered(),
      blockSet({ kind: 'topic', topicId: 'newsletter' }),
      objection({ kind: 'channel', channel: 'sms' }),
    );
    expect(doc.blockKeys).toEqual(['channel/sms', 'topic/newsletter', 'topic/newsletter/channel/sms']);
  });

  it('ObjectionRaised to profiling alone: kept as an objection, but blocks no contact (Art. 21(2))', () => {
    const doc = profileAfter(registered(), objection({ kind: 'profiling', topicId: 'newsletter' }));
    expect(doc.objections).toMatchObject([{ key: 'profiling/newsletter', scope: { kind: 'profiling' } }]);
    expect(doc.blockKeys).toEqual([]);
  });

  it('SubjectErased: flags the subject, drops personal ciphertext and every index key', () => {
    const erased = subjectEvent('SubjectErased', { cause: 'data_subject_request', erasedAt: T2 });
    const doc = profileAfter(registered(), granted(), blockSet({ kind: 'global' }), erased);
    expect(doc).toMatchObject({
      erased: true,
      erasedEventId: erased.id,
      profile: {},
      updatedAt: T2,
      lookupKeys: [],
      channels: [],
      statusKeys: [],
      blockKeys: [],
    });
    expect(JSON.stringify(doc)).not.toContain('enc:v1');
    expect(doc.consents).toHaveLength(1);
  });

  it('leaves the document unchanged on event types it does not know', () => {
    const registration = registered();
    const request = subjectEvent('DataSubjectRequestReceived', { requestId: 'r1', receivedAt: T2 });
    expect(profileAfter(registration, request)).toEqual(profileAfter(registration));
  });

  describe('replay', () => {
    const history = () => [
      registered(),
      smsAdded(),
      doiRequested(),
      subjectEvent('DoubleOptInConfirmed', { requestId: 'doi-1', confirmedAt: T2 }),
      granted({ contactPointId: 'cp-mail' }),
      granted({ channel: 'sms' }),
      revoked({ channel: 'sms' }),
      objection({ kind: 'channel', channel: 'sms' }),
      blockSet({ kind: 'contact_point', contactPointId: 'cp-sms' }),
      subjectEvent('ProfileRectified', { changes: { lastName: 'enc:x' }, rectifiedAt: T2 }),
    ];

    it('is idempotent when run twice', () => {
      const events = history();
      const once = fold(subjectProfileModel, events);
      expect(fold(subjectProfileModel, events, once)).toEqual(once);
      expect(
        fold(
          subjectProfileModel,
          events.flatMap((e) => [e, e]),
        ),
      ).toEqual(once);
    });

    it('yields the same documents from a full replay as from batches', () => {
      const events = history();
      const batched = [events.slice(0, 3), events.slice(3, 7), events.slice(7)].reduce(
        (docs, batch) => fold(subjectProfileModel, batch, docs),
        new Map(),
      );
      expect(fold(subjectProfileModel, events)).toEqual(batched);
    });
  });
});
