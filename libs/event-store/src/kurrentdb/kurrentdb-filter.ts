import { eventTypeFilter, excludeSystemEvents, streamNameFilter } from '@kurrent/kurrentdb-client';
import type { Filter } from '@kurrent/kurrentdb-client';
import type { EventFilter, RecordedEvent } from '../event-store.port';
import { isSystemEvent } from './kurrentdb-mapping';

export interface FilterPlan {
  /** Applied by the server to subscriptions; it can filter on one kind (stream or type) only. */
  server: Filter;
  /** Applied to every event we receive: the other kind, and system events, always. */
  matches(event: Pick<RecordedEvent, 'stream' | 'type'>): boolean;
}

/** An empty list constrains nothing, like an absent one. */
function nonEmpty(list: string[] | undefined): string[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

export function planFilter(filter: EventFilter | undefined): FilterPlan {
  const prefixes = nonEmpty(filter?.streamPrefixes);
  const types = nonEmpty(filter?.eventTypes);
  const matches = (event: Pick<RecordedEvent, 'stream' | 'type'>): boolean =>
    !isSystemEvent(event.type, event.stream) &&
    (!prefixes || prefixes.some((prefix) => event.stream.startsWith(prefix))) &&
    (!types || types.includes(event.type));
  return { server: serverFilter(prefixes, types), matches };
}

// The stream prefix is usually the narrower filter (one aggregate family), so the server gets
// it when both are given; event types are exact names, hence an anchored regex, not prefixes.
function serverFilter(prefixes: string[] | undefined, types: string[] | undefined): Filter {
  if (prefixes) return streamNameFilter({ prefixes });
  if (types) return eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
  return excludeSystemEvents();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
