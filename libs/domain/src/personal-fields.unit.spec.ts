import { ErrorCodes } from './shared/error-codes';
import { DEFAULT_CHANNELS } from './shared/channel';
import { mapPersonalFields, PERSONAL_FIELDS, type DomainEvent } from './personal-fields';
import { doiRequested, granted, registered, smsAdded, SUBJECT_ID, NOW } from './subject/subject.fixtures';
import { topicDefined, versionPublished } from './topic/topic.fixtures';

const ids = { subjectId: SUBJECT_ID };
const mark = (value: unknown, path: string) => `enc(${path}:${String(value)})`;

/** One sample of every event type, with every optional personal field filled. */
const samples: { [T in DomainEvent['type']]: Extract<DomainEvent, { type: T }> } = {
  TopicDefined: topicDefined(),
  ConsentTextVersionPublished: versionPublished(1),
  TopicRetired: { type: 'TopicRetired', data: { topicId: 'newsletter', reason: 'ended', retiredAt: NOW } },
  SubjectRegistered: {
    ...registered(),
    data: {
      ...registered().data,
      contactPoints: [...registered().data.contactPoints, smsAdded().data],
      profile: { firstName: 'Anna', lastName: 'M' },
      externalIds: [{ system: 'crm', id: '4711' }],
    },
  } as never,
  ContactPointAdded: smsAdded(),
  ContactPointRectified: {
    type: 'ContactPointRectified',
    data: { ...ids, contactPointId: 'cp-mail', address: 'b@example.org', rectifiedAt: NOW },
  },
  ContactPointRemoved: { type: 'ContactPointRemoved', data: { ...ids, contactPointId: 'cp-mail', removedAt: NOW } },
  ExternalIdLinked: { type: 'ExternalIdLinked', data: { ...ids, system: 'crm', id: '4711', linkedAt: NOW } },
  ExternalIdUnlinked: { type: 'ExternalIdUnlinked', data: { ...ids, system: 'crm', unlinkedAt: NOW } },
  ProfileRectified: {
    type: 'ProfileRectified',
    data: { ...ids, changes: { firstName: 'Anne', lastName: null }, rectifiedAt: NOW },
  },
  ConsentGranted: granted(),
  ConsentRevoked: {
    type: 'ConsentRevoked',
    data: { ...ids, topicId: 'newsletter', channel: 'email', reason: 'spam', revokedAt: NOW },
  },
  ObjectionRaised: {
    type: 'ObjectionRaised',
    data: { ...ids, scope: { kind: 'direct_marketing' }, reason: 'no', raisedAt: NOW },
  },
  DoubleOptInRequested: doiRequested(),
  DoubleOptInConfirmed: {
    type: 'DoubleOptInConfirmed',
    data: { ...ids, requestId: 'doi-1', ipAddress: '::1', userAgent: 'UA', confirmedAt: NOW },
  },
  DoubleOptInExpired: { type: 'DoubleOptInExpired', data: { ...ids, requestId: 'doi-1', expiredAt: NOW } },
  ContactBlockSet: {
    type: 'ContactBlockSet',
    data: {
      ...ids,
      blockId: 'b',
      scope: { kind: 'global' },
      reason: 'asked us',
      reference: { kind: 'request', id: 'r' },
      setAt: NOW,
    },
  },
  ContactBlockLifted: {
    type: 'ContactBlockLifted',
    data: { ...ids, blockId: 'b', reason: 'asked again', liftedAt: NOW },
  },
  DataSubjectRequestReceived: {
    type: 'DataSubjectRequestReceived',
    data: {
      ...ids,
      requestId: 'r',
      kind: 'access',
      channel: 'email',
      receivedAt: NOW,
      dueAt: NOW,
      reference: 'T-1',
      recordedAt: NOW,
    },
  },
  DataSubjectRequestExtended: {
    type: 'DataSubjectRequestExtended',
    data: { ...ids, requestId: 'r', months: 2, reason: 'complex', extendedUntil: NOW, extendedAt: NOW },
  },
  DataSubjectRequestFulfilled: {
    type: 'DataSubjectRequestFulfilled',
    data: { ...ids, requestId: 'r', fulfilledAt: NOW },
  },
  DataSubjectRequestRejected: {
    type: 'DataSubjectRequestRejected',
    data: { ...ids, requestId: 'r', reason: 'identity', rejectedAt: NOW },
  },
  LegalHoldPlaced: {
    type: 'LegalHoldPlaced',
    data: { ...ids, holdId: 'h', reason: 'invoices', until: NOW, placedBy: 'dpo', placedAt: NOW },
  },
  LegalHoldReleased: { type: 'LegalHoldReleased', data: { ...ids, holdId: 'h', reason: 'paid', releasedAt: NOW } },
  ErasureRequested: {
    type: 'ErasureRequested',
    data: { ...ids, cause: 'data_subject_request', requestId: 'r', requestedAt: NOW },
  },
  ErasureDeferred: {
    type: 'ErasureDeferred',
    data: { ...ids, holdId: 'h', reason: 'invoices', until: NOW, deferredAt: NOW },
  },
  SubjectErased: { type: 'SubjectErased', data: { ...ids, cause: 'retention', requestId: 'r', erasedAt: NOW } },
  SubjectExported: {
    type: 'SubjectExported',
    data: { ...ids, requestedBy: 'crm', requestId: 'r', format: 'json', fulfilledAt: NOW },
  },
  ExportDeliveryRequested: {
    type: 'ExportDeliveryRequested',
    data: {
      ...ids,
      deliveryId: 'd',
      contactPointId: 'cp-mail',
      tokenHash: 'a'.repeat(64),
      expiresAt: NOW,
      requestIds: ['r'],
      requestedBy: 'crm',
      requestedAt: NOW,
    },
  },
  ExportDeliveryOpened: { type: 'ExportDeliveryOpened', data: { ...ids, deliveryId: 'd', openedAt: NOW } },
};

/** Every leaf path of a JSON value, in the notation mapPersonalFields hands to `fn`. */
function leaves(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [at];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, at === '' ? key : `${at}.${key}`));
}

const expected: Record<DomainEvent['type'], string[]> = {
  TopicDefined: [],
  ConsentTextVersionPublished: [],
  TopicRetired: [],
  SubjectRegistered: [
    'contactPoints[0].address',
    'contactPoints[1].address',
    'profile.firstName',
    'profile.lastName',
    'externalIds[0].id',
  ],
  ExternalIdLinked: ['id'],
  ExternalIdUnlinked: [],
  ContactPointAdded: ['address'],
  ContactPointRectified: ['address'],
  ContactPointRemoved: [],
  ProfileRectified: ['changes.firstName'],
  ConsentGranted: ['evidence.ipAddress', 'evidence.userAgent'],
  ConsentRevoked: ['reason'],
  ObjectionRaised: ['reason'],
  DoubleOptInRequested: [],
  DoubleOptInConfirmed: ['ipAddress', 'userAgent'],
  DoubleOptInExpired: [],
  ContactBlockSet: ['reason'],
  ContactBlockLifted: ['reason'],
  DataSubjectRequestReceived: [],
  DataSubjectRequestExtended: ['reason'],
  DataSubjectRequestFulfilled: [],
  DataSubjectRequestRejected: ['reason'],
  LegalHoldPlaced: ['reason'],
  LegalHoldReleased: ['reason'],
  ErasureRequested: [],
  ErasureDeferred: ['reason'],
  SubjectErased: [],
  ExportDeliveryRequested: [],
  ExportDeliveryOpened: [],
  SubjectExported: [],
};

describe('mapPersonalFields', () => {
  it.each(Object.keys(samples) as DomainEvent['type'][])('maps exactly the personal fields of %s', (type) => {
    const event = samples[type];
    const seen: string[] = [];
    const mapped = mapPersonalFields(event, (value, path) => (seen.push(path), mark(value, path)));
    expect(seen.sort()).toEqual([...expected[type]].sort());
    for (const path of leaves(event.data)) {
      const before = leafAt(event.data, path);
      expect(leafAt(mapped.data, path)).toEqual(seen.includes(path) ? mark(before, path) : before);
    }
  });

  it('returns a copy and leaves the original event untouched', () => {
    const event = granted();
    const copy = JSON.parse(JSON.stringify(event));
    const mapped = mapPersonalFields(event, () => 'x');
    expect(event).toEqual(copy);
    expect(mapped).not.toBe(event);
    expect(mapped.data.evidence.textHash).toBe(event.data.evidence.textHash);
  });

  it('round-trips through an encryptor and a decryptor', () => {
    const event = samples.SubjectRegistered;
    const sealed = mapPersonalFields(event, (value) => ({ ciphertext: String(value).split('').reverse().join('') }));
    const opened = mapPersonalFields(sealed, (value) =>
      (value as { ciphertext: string }).ciphertext.split('').reverse().join(''),
    );
    expect(opened).toEqual(event);
  });

  it('skips absent optional fields and refuses an undeclared event type', () => {
    const { ipAddress: _ip, userAgent: _ua, ...bare } = granted().data.evidence;
    const fn = jest.fn((value: unknown) => value);
    mapPersonalFields({ ...granted(), data: { ...granted().data, evidence: bare } }, fn);
    expect(fn).not.toHaveBeenCalled();
    expect(() => mapPersonalFields({ type: 'SomethingNew', data: {} }, fn)).toThrow('SomethingNew');
  });

  it('declares a path list for every event type', () => {
    expect(Object.keys(PERSONAL_FIELDS).sort()).toEqual(Object.keys(samples).sort());
    expect(DEFAULT_CHANNELS).toContain('email');
    expect(ErrorCodes.CONSENT_PRE_TICKED).toBe('CONSENT.PRE_TICKED');
  });
});

function leafAt(data: unknown, path: string): unknown {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], data);
}
