import { SUBJECT_STREAM_PREFIX, SubjectEventType } from '#domain';
import type { IndexSpec } from '#read-store';
import type { DocumentKey, ProjectedEvent, ReadModel } from './read-model';
import { DSR_COLLECTION } from './open-requests';

/**
 * Art. 12(3): every data-subject request with its deadline. `dueAt` is the deadline in force (the
 * extended one once extended, so Mission Control never shows an extended request as overdue);
 * `initialDueAt` is the one month after receipt. `open` mirrors `status === 'open'` for the
 * open-requests figure. No personal data: reasons stay on the subject's stream, encrypted.
 */
export type DsrRequestDocument = {
  requestId: string;
  subjectId: string;
  kind: string;
  channel: string;
  receivedAt: string;
  initialDueAt: string;
  dueAt: string;
  extendedUntil?: string;
  /** The controller's own reference (a ticket or letter number), so a request can be found by it. */
  reference?: string;
  status: 'open' | 'fulfilled' | 'rejected' | 'closed';
  open: boolean;
  closedAt?: string;
};

const TYPES = [
  SubjectEventType.DataSubjectRequestReceived,
  SubjectEventType.DataSubjectRequestExtended,
  SubjectEventType.DataSubjectRequestFulfilled,
  SubjectEventType.DataSubjectRequestRejected,
  SubjectEventType.SubjectErased,
];

export const dsrRequestIndexes: readonly IndexSpec[] = [
  { collection: DSR_COLLECTION, fields: ['status'] },
  { collection: DSR_COLLECTION, fields: ['open'] },
  { collection: DSR_COLLECTION, fields: ['subjectId'] },
];

export const dsrRequestsModel: ReadModel<DsrRequestDocument> = {
  name: 'dsr-requests',
  version: 2,
  collections: [DSR_COLLECTION],
  indexes: dsrRequestIndexes,
  filter: { streamPrefixes: [SUBJECT_STREAM_PREFIX], eventTypes: TYPES },
  keysOf: dsrKeysOf,
  apply: applyDsrEvent,
};

/** A request's events touch its document; an erasure touches the requests it fulfilled or closed. */
export function dsrKeysOf(event: Pick<ProjectedEvent, 'type' | 'data'>): DocumentKey[] {
  const data = event.data as { requestId?: string; closedRequestIds?: string[] };
  const ids = event.type === SubjectEventType.SubjectErased ? [...(data.closedRequestIds ?? [])] : [data.requestId];
  return ids.filter((id): id is string => typeof id === 'string').map((id) => ({ collection: DSR_COLLECTION, id }));
}

export function applyDsrEvent(
  doc: DsrRequestDocument | undefined,
  event: Pick<ProjectedEvent, 'type' | 'data'>,
): DsrRequestDocument | undefined {
  const data = event.data as Record<string, string>;
  if (event.type === 'DataSubjectRequestReceived') return doc ?? received(data);
  if (doc === undefined) return undefined;
  switch (event.type) {
    case 'DataSubjectRequestExtended':
      return { ...doc, extendedUntil: data.extendedUntil, dueAt: data.extendedUntil };
    case 'DataSubjectRequestFulfilled':
      return closed(doc, 'fulfilled', data.fulfilledAt);
    case 'DataSubjectRequestRejected':
      return closed(doc, 'rejected', data.rejectedAt);
    case 'SubjectErased':
      return doc.open ? closed(doc, 'closed', data.erasedAt) : doc;
    default:
      return doc;
  }
}

function received(data: Record<string, string>): DsrRequestDocument {
  const { requestId, subjectId, kind, channel, receivedAt, dueAt, reference } = data;
  return {
    requestId,
    subjectId,
    kind,
    channel,
    receivedAt,
    initialDueAt: dueAt,
    dueAt,
    ...(reference === undefined ? {} : { reference }),
    status: 'open',
    open: true,
  };
}

function closed(doc: DsrRequestDocument, status: DsrRequestDocument['status'], at: string): DsrRequestDocument {
  return { ...doc, status, open: false, closedAt: at };
}

/** Open requests whose deadline in force has passed at `now`. */
export function isOverdue(doc: DsrRequestDocument, now: string): boolean {
  return doc.open && Date.parse(doc.dueAt) <= Date.parse(now);
}
