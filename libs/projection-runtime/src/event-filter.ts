import type { EventFilter, RecordedEvent } from '#event-store';

/**
 * The port's filter semantics, applied by the runner itself: both lists are ORed within and
 * ANDed together, and system streams (`$...`) never match. The runner subscribes unfiltered
 * because a filtered subscription reports no position for the events it skips, and the
 * checkpoint must pass them too (otherwise a read-your-writes wait could never end).
 */
export function matchesFilter(event: Pick<RecordedEvent, 'stream' | 'type'>, filter: EventFilter): boolean {
  if (event.stream.startsWith('$')) return false;
  const prefixes = filter.streamPrefixes;
  if (prefixes && prefixes.length > 0 && !prefixes.some((p) => event.stream.startsWith(p))) return false;
  const types = filter.eventTypes;
  return !types || types.length === 0 || types.includes(event.type);
}
