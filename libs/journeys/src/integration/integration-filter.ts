import { AUDIT_ANCHOR_STREAM, SUBJECT_STREAM_PREFIX } from '#domain';
import type { EventFilter } from '#event-store';
import type { IntegrationEvent, IntegrationEventType } from './integration-event';
import { PUBLISHED_DOMAIN_TYPES } from './to-integration-event';

/** Lists are ORed within themselves and ANDed together; an absent or empty list admits everything. */
export interface IntegrationFilter {
  topics?: readonly string[];
  channels?: readonly string[];
  types?: readonly IntegrationEventType[];
}

/**
 * An event without a topic (a global block, an objection to all direct marketing, an erasure)
 * concerns every topic, so a topic filter lets it through; likewise for channels. A journey that
 * filters by its topic must still hear that the person may no longer be contacted at all.
 */
export function matchesIntegrationFilter(event: IntegrationEvent, filter: IntegrationFilter): boolean {
  return (
    admits(filter.types, event.type) &&
    (event.topicId === undefined || admits(filter.topics, event.topicId)) &&
    (event.channel === undefined || admits(filter.channels, event.channel))
  );
}

function admits(list: readonly string[] | undefined, value: string): boolean {
  return list === undefined || list.length === 0 || list.includes(value);
}

/** What to ask the event store for: subject streams, the anchors, and the types that can be published. */
export const INTEGRATION_SOURCE_FILTER: EventFilter = {
  streamPrefixes: [SUBJECT_STREAM_PREFIX, AUDIT_ANCHOR_STREAM],
  eventTypes: [...PUBLISHED_DOMAIN_TYPES],
};
