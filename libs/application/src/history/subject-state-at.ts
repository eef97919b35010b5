import {
  effectiveConsentStatus,
  isIsoTimestamp,
  objectionKey,
  refusal,
  subjectDecider,
  subjectNotRegistered,
  subjectStreamName,
  type ConsentRecord,
  type ConsentStatus,
  type SubjectEvent,
} from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { eventsByConsentKey, lastEventId } from './consent-event-keys';
import { recordedBy } from './event-time';
import { topicsAt, type TopicAt } from './topic-at';

export interface ConsentAt {
  topicId: string;
  channel: string;
  contactPointId?: string;
  /** Effective at `at`: expiries and material text changes up to then taken into account. */
  status: ConsentStatus;
  recordedStatus: ConsentRecord['status'];
  grantedAt?: string;
  revokedAt?: string;
  method?: string;
  textVersion?: number;
  textHash?: string;
  topicMaterialVersion: number;
  /** The subject events this entry rests on, and the topic events its evaluation used. */
  restsOn: string[];
  topicEvents: string[];
}

export interface SubjectStateAt {
  subjectId: string;
  at: string;
  status: string;
  eventsReplayed: number;
  consents: ConsentAt[];
  objections: Array<{ scope: unknown; raisedAt: string; eventId?: string }>;
  blocks: Array<{ blockId: string; scope: unknown; setAt: string; eventId?: string }>;
}

/** Refuses what cannot be a moment of the past: 400 naming `at` and the rule. */
export function parseAt(at: unknown, now: string): number {
  if (!isIsoTimestamp(at))
    throw refusal('VALIDATION.FAILED', 'at must be an ISO-8601 time with an offset, e.g. 2026-01-31T12:00:00Z', 'at');
  const ms = Date.parse(at);
  if (ms > Date.parse(now))
    throw refusal('VALIDATION.FAILED', 'at must not lie in the future: the ledger knows only what was recorded', 'at');
  return ms;
}

/** The consent matrix as it was at `at`, replayed from the subject stream and the topics to then. */
export async function subjectStateAt(
  store: EventStore,
  subjectId: string,
  at: string,
  now: string,
): Promise<SubjectStateAt> {
  const ms = parseAt(at, now);
  const all = await store.readStream(subjectStreamName(subjectId));
  if (all.length === 0) throw subjectNotRegistered();
  const events = all.filter((event) => recordedBy(event, ms));
  const state = events.reduce(
    (s, e) => subjectDecider.evolve(s, { type: e.type, data: e.data } as SubjectEvent),
    subjectDecider.initialState(),
  );
  const held = state as Partial<Record<'consents' | 'objections' | 'blocks', Record<string, any>>>;
  const records = Object.entries((held.consents ?? {}) as Record<string, ConsentRecord>).sort(([a], [b]) =>
    a < b ? -1 : 1,
  );
  const topics = await topicsAt(
    store,
    records.map(([, r]) => r.scope.topicId),
    ms,
  );
  const byKey = eventsByConsentKey(events);
  return {
    subjectId,
    at: new Date(ms).toISOString(),
    status: state.status,
    eventsReplayed: events.length,
    consents: records.map(([key, record]) =>
      consentAt(record, topics.get(record.scope.topicId)!, byKey.get(key) ?? [], at),
    ),
    objections: Object.values(held.objections ?? {}).map((o) => ({
      ...o,
      eventId: lastEventId(events, 'ObjectionRaised', (d) => objectionKey(d.scope) === objectionKey(o.scope)),
    })),
    blocks: activeBlocks(held.blocks ?? {}, events),
  };
}

function consentAt(record: ConsentRecord, topic: TopicAt, restsOn: string[], at: string): ConsentAt {
  const topicMaterialVersion = topic.view?.currentMaterialVersion ?? 0;
  const grant = 'grant' in record ? record.grant : undefined;
  return {
    ...record.scope,
    status: effectiveConsentStatus(record, { currentMaterialVersion: topicMaterialVersion }, at),
    recordedStatus: record.status,
    grantedAt: grant?.grantedAt,
    revokedAt: record.status === 'revoked' ? record.revokedAt : undefined,
    method: grant?.evidence.method,
    textVersion: grant?.evidence.textVersion,
    textHash: grant?.evidence.textHash,
    topicMaterialVersion,
    restsOn,
    topicEvents: topic.eventIds,
  };
}

function activeBlocks(blocks: Record<string, any>, events: readonly RecordedEvent[]): SubjectStateAt['blocks'] {
  return Object.values(blocks)
    .filter((block) => block.status === 'active')
    .map(({ blockId, scope, setAt }) => ({
      blockId,
      scope,
      setAt,
      eventId: lastEventId(events, 'ContactBlockSet', (d) => d.blockId === blockId),
    }));
}
