import { CHECKPOINT_EVENT_TYPE } from '#audit';
import { AUDIT_ANCHOR_STREAM, SUBJECT_STREAM_PREFIX, type SubjectEvent } from '#domain';
import { INTEGRATION_SOURCE_FILTER, matchesIntegrationFilter } from './integration-filter';
import { toIntegrationEvent } from './to-integration-event';

const subjectId = '6f1c2b8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b';
const at = '2025-03-01T10:00:00.000Z';

function stored(event: SubjectEvent, position = 42) {
  return { id: 'evt-1', type: event.type, data: event.data as Record<string, unknown>, position };
}

const evidence = {
  method: 'double_opt_in',
  capturedAt: at,
  sourceSystem: 'shop',
  textVersion: 1,
  textHash: 'h',
  affirmativeAction: true,
  ipAddress: 'enc:v1:x',
  userAgent: 'enc:v1:y',
} as const;

/** Given a stored domain event, when it is mapped, then connected systems see exactly this (or nothing). */
describe('toIntegrationEvent', () => {
  it('publishes a double opt-in request as a pending consent', () => {
    const event = stored({
      type: 'DoubleOptInRequested',
      data: {
        subjectId,
        requestId: 'r1',
        topicId: 'news',
        channel: 'email',
        contactPointId: 'cp1',
        tokenHash: 'secret-hash',
        textVersion: 1,
        sourceSystem: 'shop',
        expiresAt: at,
        requestedAt: at,
      },
    });
    expect(toIntegrationEvent(event)).toEqual({
      id: 'evt-1',
      type: 'consent.changed.v1',
      subjectId,
      topicId: 'news',
      channel: 'email',
      contactPointId: 'cp1',
      newState: 'pending-double-opt-in',
      position: 42,
      time: at,
    });
  });

  it('publishes a grant with its evidence method and without the encrypted evidence', () => {
    const event = stored({
      type: 'ConsentGranted',
      data: { subjectId, topicId: 'news', channel: 'email', evidence, topicMaterialVersion: 1, grantedAt: at },
    });
    const published = toIntegrationEvent(event);
    expect(published).toEqual({
      id: 'evt-1',
      type: 'consent.changed.v1',
      subjectId,
      topicId: 'news',
      channel: 'email',
      newState: 'granted',
      reason: 'double_opt_in',
      position: 42,
      time: at,
    });
    expect(JSON.stringify(published)).not.toContain('enc:v1');
  });

  it('publishes a revocation with a code instead of the subject’s own words (Art. 7(3))', () => {
    const event = stored({
      type: 'ConsentRevoked',
      data: { subjectId, topicId: 'news', channel: 'sms', reason: 'enc:v1:personal', revokedAt: at },
    });
    expect(toIntegrationEvent(event)).toEqual({
      id: 'evt-1',
      type: 'consent.changed.v1',
      subjectId,
      topicId: 'news',
      channel: 'sms',
      newState: 'revoked',
      reason: 'withdrawn',
      position: 42,
      time: at,
    });
  });

  it.each([
    [{ kind: 'direct_marketing' }, { scope: 'direct_marketing' }],
    [
      { kind: 'topic', topicId: 'news' },
      { scope: 'topic', topicId: 'news' },
    ],
    [
      { kind: 'channel', channel: 'sms' },
      { scope: 'channel', channel: 'sms' },
    ],
    [
      { kind: 'profiling', topicId: 'news' },
      { scope: 'profiling', topicId: 'news' },
    ],
  ] as const)('publishes an objection with scope %j (Art. 21(3))', (scope, fields) => {
    const event = stored({ type: 'ObjectionRaised', data: { subjectId, scope, reason: 'enc:v1:why', raisedAt: at } });
    expect(toIntegrationEvent(event)).toEqual({
      id: 'evt-1',
      type: 'objection.raised.v1',
      subjectId,
      ...fields,
      newState: 'objected',
      position: 42,
      time: at,
    });
  });

  it('publishes a contact block with its degree and id, not its reason', () => {
    const event = stored({
      type: 'ContactBlockSet',
      data: {
        subjectId,
        blockId: 'b1',
        scope: { kind: 'contact_point', contactPointId: 'cp1' },
        reason: 'enc:v1:r',
        reference: { kind: 'communication', id: 'c1' },
        setAt: at,
      },
    });
    expect(toIntegrationEvent(event)).toEqual({
      id: 'evt-1',
      type: 'contact-block.changed.v1',
      subjectId,
      scope: 'contact_point',
      contactPointId: 'cp1',
      blockId: 'b1',
      newState: 'blocked',
      position: 42,
      time: at,
    });
  });

  it('publishes a lifted block by its id', () => {
    const event = stored({ type: 'ContactBlockLifted', data: { subjectId, blockId: 'b1', liftedAt: at } });
    expect(toIntegrationEvent(event)).toEqual({
      id: 'evt-1',
      type: 'contact-block.changed.v1',
      subjectId,
      blockId: 'b1',
      newState: 'lifted',
      position: 42,
      time: at,
    });
  });

  it('publishes an erasure request and the erasure itself as instructions (Art. 17(2))', () => {
    const requested = stored({
      type: 'ErasureRequested',
      data: { subjectId, cause: 'data_subject_request', requestedAt: at },
    });
    const erased = stored({ type: 'SubjectErased', data: { subjectId, cause: 'retention', erasedAt: at } });
    expect(toIntegrationEvent(requested)).toMatchObject({
      type: 'subject.erasure-requested.v1',
      newState: 'erasure-requested',
      reason: 'data_subject_request',
    });
    expect(toIntegrationEvent(erased)).toEqual({
      id: 'evt-1',
      type: 'subject.erased.v1',
      subjectId,
      newState: 'erased',
      reason: 'retention',
      position: 42,
      time: at,
    });
  });

  it.each<SubjectEvent>([
    { type: 'SubjectRegistered', data: { subjectId, locale: 'de', contactPoints: [], profile: {}, registeredAt: at } },
    {
      type: 'ContactPointAdded',
      data: { subjectId, contactPointId: 'cp', channel: 'email', address: 'enc:v1:a', addedAt: at },
    },
    { type: 'ContactPointRectified', data: { subjectId, contactPointId: 'cp', address: 'enc:v1:a', rectifiedAt: at } },
    { type: 'ContactPointRemoved', data: { subjectId, contactPointId: 'cp', removedAt: at } },
    { type: 'ProfileRectified', data: { subjectId, changes: {}, rectifiedAt: at } },
    { type: 'ExternalIdLinked', data: { subjectId, system: 'crm', id: 'enc:v1:a', linkedAt: at } },
    { type: 'ExternalIdUnlinked', data: { subjectId, system: 'crm', unlinkedAt: at } },
    { type: 'DoubleOptInConfirmed', data: { subjectId, requestId: 'r1', confirmedAt: at } },
    { type: 'DoubleOptInExpired', data: { subjectId, requestId: 'r1', expiredAt: at } },
    {
      type: 'DataSubjectRequestReceived',
      data: { subjectId, requestId: 'q', kind: 'access', channel: 'email', receivedAt: at, dueAt: at, recordedAt: at },
    },
    {
      type: 'DataSubjectRequestExtended',
      data: { subjectId, requestId: 'q', months: 1, reason: 'r', extendedUntil: at, extendedAt: at },
    },
    { type: 'DataSubjectRequestFulfilled', data: { subjectId, requestId: 'q', fulfilledAt: at } },
    { type: 'DataSubjectRequestRejected', data: { subjectId, requestId: 'q', reason: 'r', rejectedAt: at } },
    {
      type: 'LegalHoldPlaced',
      data: { subjectId, holdId: 'h', reason: 'r', until: at, placedBy: 'dpo', placedAt: at },
    },
    { type: 'LegalHoldReleased', data: { subjectId, holdId: 'h', releasedAt: at } },
    { type: 'ErasureDeferred', data: { subjectId, holdId: 'h', reason: 'r', until: at, deferredAt: at } },
    { type: 'SubjectExported', data: { subjectId, requestedBy: 'crm', format: 'json', fulfilledAt: at } },
  ])('maps $type to nothing: nothing in it is for connected systems', (event) => {
    expect(toIntegrationEvent(stored(event))).toBeUndefined();
  });

  it('maps topic events and unknown types to nothing', () => {
    expect(
      toIntegrationEvent({ id: 'x', type: 'TopicDefined', data: { topicId: 'news' }, position: 1 }),
    ).toBeUndefined();
    expect(toIntegrationEvent({ id: 'x', type: 'SomethingNew', data: { subjectId }, position: 1 })).toBeUndefined();
  });

  it('asks the event store only for the published types of subject streams and the anchors', () => {
    // Issue #14: checkpoints are published too, so the anchors' stream is read as well.
    expect(INTEGRATION_SOURCE_FILTER.streamPrefixes).toEqual([SUBJECT_STREAM_PREFIX, AUDIT_ANCHOR_STREAM]);
    expect(INTEGRATION_SOURCE_FILTER.eventTypes).toEqual(expect.arrayContaining(['ConsentGranted', 'SubjectErased']));
    expect(INTEGRATION_SOURCE_FILTER.eventTypes).not.toContain('SubjectRegistered');
  });
});

describe('matchesIntegrationFilter', () => {
  const grant = toIntegrationEvent(
    stored({
      type: 'ConsentGranted',
      data: { subjectId, topicId: 'news', channel: 'email', evidence, topicMaterialVersion: 1, grantedAt: at },
    }),
  )!;
  const erased = toIntegrationEvent(
    stored({ type: 'SubjectErased', data: { subjectId, cause: 'retention', erasedAt: at } }),
  )!;

  it('admits by topic, channel and type together', () => {
    expect(
      matchesIntegrationFilter(grant, { topics: ['news'], channels: ['email'], types: ['consent.changed.v1'] }),
    ).toBe(true);
    expect(matchesIntegrationFilter(grant, { topics: ['events'] })).toBe(false);
    expect(matchesIntegrationFilter(grant, { channels: ['sms'] })).toBe(false);
    expect(matchesIntegrationFilter(grant, { types: ['subject.erased.v1'] })).toBe(false);
  });

  it('lets an event for every topic and channel through topic and channel filters', () => {
    expect(matchesIntegrationFilter(erased, { topics: ['news'], channels: ['sms'] })).toBe(true);
    expect(matchesIntegrationFilter(erased, { types: ['consent.changed.v1'] })).toBe(false);
  });
});

describe('toIntegrationEvent for checkpoints', () => {
  const signed = {
    checkpoint: {
      tree: 'rfc6962:global-order:v1',
      logSize: 7,
      position: 9,
      merkleRoot: 'ab',
      time: at,
      keyId: 'ed25519:0011',
    },
    algorithm: 'Ed25519',
    signature: 'c2ln',
  };
  const anchor = {
    id: 'evt-9',
    type: CHECKPOINT_EVENT_TYPE,
    data: signed,
    position: 10,
    revision: 2,
    metadata: { hash: 'h2', prevHash: 'h1' },
  };

  it('publishes a new checkpoint as audit.checkpoint.v1 carrying its export line and no subject', () => {
    expect(toIntegrationEvent(anchor)).toEqual({
      id: 'evt-9',
      type: 'audit.checkpoint.v1',
      newState: 'anchored',
      position: 10,
      time: at,
      anchor: { revision: 2, eventId: 'evt-9', position: 10, hash: 'h2', prevHash: 'h1', ...signed },
    });
  });

  it('asks the store for the anchors stream and lets checkpoints through topic filters', () => {
    expect(INTEGRATION_SOURCE_FILTER.streamPrefixes).toContain(AUDIT_ANCHOR_STREAM);
    expect(INTEGRATION_SOURCE_FILTER.eventTypes).toContain(CHECKPOINT_EVENT_TYPE);
    expect(matchesIntegrationFilter(toIntegrationEvent(anchor)!, { topics: ['news'] })).toBe(true);
    expect(matchesIntegrationFilter(toIntegrationEvent(anchor)!, { types: ['consent.changed.v1'] })).toBe(false);
  });
});
