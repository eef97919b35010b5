import { subjectNotRegistered, subjectStreamName, type TopicView } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import type { HistoryEntry } from '../subjects/subject-history.query';
import { describeEvent } from './describe-event';
import { eventTime, redacted } from './event-time';
import type { Bilingual } from './labels';
import { topicIdOfEvent, topicsAt } from './topic-at';

export interface TimelineTextVersion {
  topicId: string;
  version: number;
  textHash?: string;
  language?: string;
  publishedAt?: string;
}

/** A recorded event as a readable step: the history entry's proof fields without its data. */
export interface TimelineEntry extends Omit<HistoryEntry, 'data'> {
  description: Bilingual;
  /** Art. 7(1): how, when and where consent was captured; personal parts (ip, user agent) redacted. */
  evidence?: Record<string, unknown>;
  textVersion?: TimelineTextVersion;
}

/** The subject's history as readable steps; nothing personal is shown, so every reader may see it. */
export async function subjectTimeline(store: EventStore, subjectId: string): Promise<TimelineEntry[]> {
  const recorded = await store.readStream(subjectStreamName(subjectId));
  if (recorded.length === 0) throw subjectNotRegistered();
  const events = recorded.map(redacted);
  const topics = await topicsAt(
    store,
    events.map((e) => topicIdOfEvent(e.data)).filter((id): id is string => id !== undefined),
  );
  const title = (id: string) => topics.get(id)?.view?.title ?? id;
  return recorded.map((event, i) => entry(event, events[i]!.data, title, (id) => topics.get(id)?.view));
}

function entry(
  event: RecordedEvent,
  data: Record<string, any>,
  title: (id: string) => string,
  topic: (id: string) => TopicView | undefined,
): TimelineEntry {
  const base: TimelineEntry = {
    eventId: event.id,
    type: event.type,
    revision: event.revision,
    position: event.position,
    recordedAt: eventTime(event),
    actor: event.metadata.actor,
    hash: event.metadata.hash,
    prevHash: event.metadata.prevHash,
    description: describeEvent({ type: event.type, data }, title),
  };
  const version = data.evidence?.textVersion ?? data.textVersion;
  if (typeof data.topicId !== 'string' || typeof version !== 'number') return base;
  const published = topic(data.topicId)?.versions.find((v) => v.version === version);
  const textVersion = {
    topicId: data.topicId,
    version,
    textHash: data.evidence?.textHash ?? published?.textHash,
    language: published?.language,
    publishedAt: published?.publishedAt,
  };
  return { ...base, ...(data.evidence ? { evidence: data.evidence } : {}), textVersion };
}
