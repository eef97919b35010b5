import { toTopicView, topicDecider, topicStreamName, type TopicEvent, type TopicState, type TopicView } from '#domain';
import type { EventStore } from '#event-store';
import { recordedBy } from './event-time';

export interface TopicAt {
  state: TopicState;
  view?: TopicView;
  /** The ids of the topic events the view rests on. */
  eventIds: string[];
}

/** A topic as it was at `at` (ms since the epoch), replayed from its stream; now when `at` is omitted. */
export async function topicAt(store: EventStore, topicId: string, at = Number.POSITIVE_INFINITY): Promise<TopicAt> {
  const recorded = (await store.readStream(topicStreamName(topicId))).filter((event) => recordedBy(event, at));
  const state = recorded.reduce(
    (s, event) => topicDecider.evolve(s, { type: event.type, data: event.data } as TopicEvent),
    topicDecider.initialState(),
  );
  return { state, view: toTopicView(state), eventIds: recorded.map((event) => event.id) };
}

/** The ids of the topics an event refers to (directly or through an objection or block scope). */
export function topicIdOfEvent(data: Record<string, unknown>): string | undefined {
  if (typeof data.topicId === 'string') return data.topicId;
  const scope = data.scope as { kind?: unknown; topicId?: unknown } | undefined;
  return scope?.kind === 'topic' && typeof scope.topicId === 'string' ? scope.topicId : undefined;
}

export async function topicsAt(store: EventStore, ids: Iterable<string>, at?: number): Promise<Map<string, TopicAt>> {
  const unique = [...new Set(ids)];
  const topics = await Promise.all(unique.map((id) => topicAt(store, id, at)));
  return new Map(unique.map((id, i) => [id, topics[i]!]));
}
