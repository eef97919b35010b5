import { SUBJECT_STREAM_PREFIX, SubjectEventType } from '#domain';
import type { ReadStore } from '#read-store';
import type { DocumentKey, ProjectedEvent, ReadModel } from './read-model';

export const CONSENT_ACTIVITY = 'consent_activity_days';

/** What happened on one day (UTC), by the time each event records for itself. No personal data. */
export type ActivityDay = { day: string; grants: number; revocations: number; blocks: number };

type Counter = keyof Omit<ActivityDay, 'day'>;

/** The event types counted, each with the field holding its time and the counter it moves. */
const COUNTED: Readonly<Record<string, { time: string; counter: Counter }>> = {
  [SubjectEventType.ConsentGranted]: { time: 'grantedAt', counter: 'grants' },
  [SubjectEventType.ConsentRevoked]: { time: 'revokedAt', counter: 'revocations' },
  [SubjectEventType.ContactBlockSet]: { time: 'setAt', counter: 'blocks' },
};

const dayOf = (time: string): string => new Date(Date.parse(time)).toISOString().slice(0, 10);

/**
 * Mission Control's trend: grants, revocations and blocks per day. The runner folds each event
 * into its day's document once (a document remembers the position of the last event it took), so
 * a replay counts nothing twice.
 */
export const consentActivityModel: ReadModel<ActivityDay> = {
  name: 'consent-activity',
  version: 1,
  collections: [CONSENT_ACTIVITY],
  indexes: [],
  filter: { streamPrefixes: [SUBJECT_STREAM_PREFIX], eventTypes: Object.keys(COUNTED) },
  keysOf: activityKeysOf,
  apply: applyActivityEvent,
};

export function activityKeysOf(event: Pick<ProjectedEvent, 'type' | 'data'>): DocumentKey[] {
  const counted = COUNTED[event.type];
  const time = counted && event.data[counted.time];
  return typeof time === 'string' ? [{ collection: CONSENT_ACTIVITY, id: dayOf(time) }] : [];
}

export function applyActivityEvent(
  doc: ActivityDay | undefined,
  event: Pick<ProjectedEvent, 'type'>,
  key: DocumentKey,
): ActivityDay | undefined {
  const counted = COUNTED[event.type];
  if (counted === undefined) return doc;
  const day = doc ?? { day: key.id, grants: 0, revocations: 0, blocks: 0 };
  return { ...day, [counted.counter]: day[counted.counter] + 1 };
}

/** The `days` days up to and including today (UTC) at `now`, oldest first, days without events as zeros. */
export async function consentTrend(store: ReadStore, now: string, days = 30): Promise<ActivityDay[]> {
  const today = Date.parse(dayOf(now));
  const ids = Array.from({ length: days }, (_, i) =>
    dayOf(new Date(today - (days - 1 - i) * 86_400_000).toISOString()),
  );
  const found = new Map((await store.getMany<ActivityDay>(CONSENT_ACTIVITY, ids)).map((d) => [d.id, d.doc]));
  return ids.map((day) => found.get(day) ?? { day, grants: 0, revocations: 0, blocks: 0 });
}
