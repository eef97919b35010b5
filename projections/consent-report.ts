import { consentKey, scopeOf, SUBJECT_STREAM_PREFIX, SubjectEventType, type ConsentScope } from '#domain';
import type { IndexSpec } from '#read-store';
import type { DocumentKey, DocumentLookup, ProjectedEvent, ReadModel } from './read-model';

export const CONSENT_RECORDS = 'consent_records';

/**
 * The statuses the log's events set; time-derived ones (reconsent due, a grant's lapse) are not stored.
 * `erased`: Art. 17 erased the person; the record stays as proof (Art. 5(2)) but grants nothing.
 */
export const REPORT_STATUSES = ['pending-double-opt-in', 'granted', 'revoked', 'expired', 'erased'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * Art. 5(2), 7(1): one consent (subject, topic, channel, contact point) or one double opt-in request,
 * pseudonymous: ids, statuses, versions, methods and times, never an address, IP address or reason.
 */
export type ConsentReportDocument = {
  subjectId: string;
  topicId: string;
  channel: string;
  contactPointId?: string;
  status: ReportStatus;
  textVersion: number;
  evidenceMethod: string;
  /** When the person acted (the evidence's capture time; the request time for a double opt-in). */
  capturedAt: string;
  /** When the ledger recorded the latest event of this record: the report's order and time filter. */
  recordedAt: string;
  eventIds: string[];
  /** One key per combination of the report's optional filters, so one index serves them all. */
  reportKeys: string[];
};

export type ReportFilter = { topicId?: string; channel?: string; status?: ReportStatus };

const ANY = '*';

/** Topic ids are slugs and channels and statuses have no `|`, so no two filters share a key. */
export function reportKey({ topicId, channel, status }: ReportFilter): string {
  return [topicId ?? ANY, channel ?? ANY, status ?? ANY].join('|');
}

function reportKeysOf(doc: Pick<ConsentReportDocument, 'topicId' | 'channel' | 'status'>): string[] {
  const keys: string[] = [];
  for (const topicId of [doc.topicId, undefined])
    for (const channel of [doc.channel, undefined])
      for (const status of [doc.status, undefined]) keys.push(reportKey({ topicId, channel, status }));
  return keys;
}

export const REPORT_INDEX_FIELDS = ['reportKeys', 'recordedAt'] as const;
/** An erasure names the person, not their records: they are found by this index. */
export const REPORT_SUBJECT_FIELD = 'subjectId';
export const consentReportIndexes: readonly IndexSpec[] = [
  { collection: CONSENT_RECORDS, fields: REPORT_INDEX_FIELDS },
  { collection: CONSENT_RECORDS, fields: [REPORT_SUBJECT_FIELD] },
];

const TYPES = [
  SubjectEventType.ConsentGranted,
  SubjectEventType.ConsentRevoked,
  SubjectEventType.DoubleOptInRequested,
  SubjectEventType.DoubleOptInConfirmed,
  SubjectEventType.DoubleOptInExpired,
  SubjectEventType.SubjectErased,
];

export const consentReportModel: ReadModel<ConsentReportDocument> = {
  name: 'consent-report',
  version: 2,
  collections: [CONSENT_RECORDS],
  indexes: consentReportIndexes,
  filter: { streamPrefixes: [SUBJECT_STREAM_PREFIX], eventTypes: TYPES },
  keysOf: reportKeysOfEvent,
  lookupsOf: reportLookupsOfEvent,
  apply: (doc, event, key) => applyReportEvent(doc, event, key),
};

type Data = Record<string, any>;

const consentId = (data: Data) => `${data.subjectId}/${consentKey(scopeOf({ data: data as ConsentScope }))}`;
const requestId = (data: Data, id: unknown) => `${data.subjectId}/request/${id}`;

/**
 * A grant or revocation touches its consent; a double opt-in request is its own record until
 * confirmed, because its expiry names only the request. A confirmed request's grant closes it.
 */
export function reportKeysOfEvent(event: Pick<ProjectedEvent, 'type' | 'data'>): DocumentKey[] {
  const data = event.data as Data;
  const ids: string[] = [];
  if (event.type === SubjectEventType.ConsentGranted || event.type === SubjectEventType.ConsentRevoked)
    ids.push(consentId(data));
  if (event.type.startsWith('DoubleOptIn')) ids.push(requestId(data, data.requestId));
  return ids.map((id) => ({ collection: CONSENT_RECORDS, id }));
}

/** Art. 17: an erasure reaches every record of the person. */
export function reportLookupsOfEvent(event: Pick<ProjectedEvent, 'type' | 'data'>): DocumentLookup[] {
  if (event.type !== SubjectEventType.SubjectErased) return [];
  return [{ collection: CONSENT_RECORDS, equal: { [REPORT_SUBJECT_FIELD]: (event.data as Data).subjectId } }];
}

function withKeys(doc: Omit<ConsentReportDocument, 'reportKeys'>): ConsentReportDocument {
  return { ...doc, reportKeys: reportKeysOf(doc) };
}

export function applyReportEvent(
  doc: ConsentReportDocument | undefined,
  event: Pick<ProjectedEvent, 'type' | 'data' | 'id'>,
  _key?: DocumentKey,
): ConsentReportDocument | undefined {
  const data = event.data as Data;
  const eventIds = [...(doc?.eventIds ?? []), event.id];
  switch (event.type) {
    case SubjectEventType.ConsentGranted:
      return granted(data, eventIds);
    case SubjectEventType.ConsentRevoked:
      return doc?.status === 'granted'
        ? withKeys({ ...doc, status: 'revoked', recordedAt: data.revokedAt, eventIds })
        : doc;
    case SubjectEventType.DoubleOptInRequested:
      return requested(data, eventIds);
    case SubjectEventType.DoubleOptInExpired:
      return doc && withKeys({ ...doc, status: 'expired', recordedAt: data.expiredAt, eventIds });
    case SubjectEventType.SubjectErased:
      return doc && withKeys({ ...doc, status: 'erased', recordedAt: data.erasedAt, eventIds });
    default:
      // DoubleOptInConfirmed: the request became the consent's grant, which that record now shows.
      return undefined;
  }
}

function granted(data: Data, eventIds: string[]): ConsentReportDocument {
  const { textVersion, method, capturedAt } = data.evidence as Data;
  return withKeys({
    ...identity(data),
    status: 'granted',
    textVersion,
    evidenceMethod: method,
    capturedAt,
    recordedAt: data.grantedAt,
    eventIds,
  });
}

function requested(data: Data, eventIds: string[]): ConsentReportDocument {
  return withKeys({
    ...identity(data),
    status: 'pending-double-opt-in',
    textVersion: data.textVersion,
    evidenceMethod: 'double_opt_in',
    capturedAt: data.requestedAt,
    recordedAt: data.requestedAt,
    eventIds,
  });
}

function identity(data: Data): Pick<ConsentReportDocument, 'subjectId' | 'topicId' | 'channel' | 'contactPointId'> {
  const { subjectId, topicId, channel, contactPointId } = data;
  return contactPointId === undefined
    ? { subjectId, topicId, channel }
    : { subjectId, topicId, channel, contactPointId };
}
