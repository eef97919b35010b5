import { consentKey, scopeOf, SubjectEventType, type ConsentScope } from '#domain';
import type { RecordedEvent } from '#event-store';
import { eventTime } from '../history/event-time';

/** One recorded change of one consent, as a consent record's event history lists it. */
export interface ConsentHistoryEntry {
  eventId: string;
  kind: 'requested' | 'given' | 'renewed' | 'withdrawn' | 'request-expired' | 'terminated';
  /** When the person (or the controller) acted: the evidence's capture time for a grant. */
  indicatedAt: string;
  /** When the ledger recorded it. */
  recordedAt: string;
  grant?: GrantEvidence;
}

export interface GrantEvidence {
  method: string;
  sourceSystem: string;
  formId?: string;
  textVersion: number;
  textHash: string;
  expiresAt?: string;
  doubleOptInRequestId?: string;
}

type Data = Record<string, any>;

/** The evidence without IP address and user agent: personal data that stays, encrypted, in the log. */
function evidenceOf(data: Data): GrantEvidence {
  const { method, sourceSystem, formId, textVersion, textHash, doubleOptInRequestId } = data.evidence as Data;
  return {
    method,
    sourceSystem,
    ...(formId === undefined ? {} : { formId }),
    textVersion,
    textHash,
    ...(data.expiresAt === undefined ? {} : { expiresAt: data.expiresAt }),
    ...(doubleOptInRequestId === undefined ? {} : { doubleOptInRequestId }),
  };
}

/**
 * Art. 7(1): the events of one consent (topic, channel, contact point) in log order: requested,
 * given, withdrawn, given again (renewed, e.g. after a material text change), request expired,
 * terminated by the subject's erasure.
 */
export function consentHistory(events: readonly RecordedEvent[], scope: ConsentScope): ConsentHistoryEntry[] {
  const key = consentKey(scope);
  const requests = new Set<string>();
  const entries: ConsentHistoryEntry[] = [];
  for (const event of events) {
    const data = event.data as Data;
    const base = { eventId: event.id, recordedAt: eventTime(event) };
    const mine = typeof data.topicId === 'string' && consentKey(scopeOf({ data: data as ConsentScope })) === key;
    if (event.type === SubjectEventType.DoubleOptInRequested && mine) {
      requests.add(data.requestId);
      entries.push({ ...base, kind: 'requested', indicatedAt: data.requestedAt });
    } else if (event.type === SubjectEventType.ConsentGranted && mine) {
      const kind = entries.some((e) => e.kind === 'given' || e.kind === 'renewed') ? 'renewed' : 'given';
      entries.push({ ...base, kind, indicatedAt: data.evidence.capturedAt, grant: evidenceOf(data) });
    } else if (event.type === SubjectEventType.ConsentRevoked && mine) {
      entries.push({ ...base, kind: 'withdrawn', indicatedAt: data.revokedAt });
    } else if (event.type === SubjectEventType.DoubleOptInExpired && requests.has(data.requestId)) {
      entries.push({ ...base, kind: 'request-expired', indicatedAt: data.expiredAt });
    } else if (event.type === SubjectEventType.SubjectErased && entries.length > 0) {
      // Art. 17: the person is gone, so is any consent; the history stays as proof.
      entries.push({ ...base, kind: 'terminated', indicatedAt: data.erasedAt });
    }
  }
  return entries;
}
