import { BACKWARDS, END, FORWARDS, START } from '@kurrent/kurrentdb-client';
import type { AllStreamResolvedEvent, KurrentDBClient, Position } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-store.port';
import type { FilterPlan } from './kurrentdb-filter';
import { commitOf, isSystemEvent, toKurrentDbPosition, toRecordedEvent } from './kurrentdb-mapping';

// Large enough to amortise round trips, small enough to bound memory with 1 MiB events.
const PAGE_SIZE = 256;

export async function collect<E>(read: AsyncIterable<E>): Promise<E[]> {
  const out: E[] = [];
  for await (const item of read) out.push(item);
  return out;
}

interface ReadAllRange {
  after: number;
  maxCount: number;
  plan: FilterPlan;
  deadline?: number;
}

/**
 * The client's readAll takes no filter, so pages are filtered here. A forward read from a
 * position includes the event at it, hence `> after` keeps `after` exclusive.
 */
export async function readAllForwards(client: KurrentDBClient, range: ReadAllRange): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  let cursor = range.after;
  while (out.length < range.maxCount) {
    const fromPosition = cursor > 0 ? toKurrentDbPosition(cursor) : START;
    const page = await collect(
      client.readAll({ fromPosition, maxCount: PAGE_SIZE, direction: FORWARDS, deadline: range.deadline }),
    );
    for (const resolved of page) {
      const event = toRecordedEvent(resolved);
      if (!event || event.position <= cursor) continue;
      cursor = event.position;
      if (range.plan.matches(event) && out.length < range.maxCount) out.push(event);
    }
    if (page.length < PAGE_SIZE) break;
  }
  return out;
}

/** Position of the newest non-system event, 0 when there is none. */
export async function headPosition(client: KurrentDBClient, deadline?: number): Promise<number> {
  let from: Position | typeof END = END;
  for (;;) {
    const page: AllStreamResolvedEvent[] = await collect(
      client.readAll({ fromPosition: from, maxCount: PAGE_SIZE, direction: BACKWARDS, deadline }),
    );
    const found = page.find(
      (resolved) => resolved.event && !isSystemEvent(resolved.event.type, resolved.event.streamId),
    );
    if (found?.event) return commitOf(found.event.position);
    const last = page[page.length - 1]?.event;
    if (page.length < PAGE_SIZE || !last) return 0;
    // Only system events on this page: go on reading backwards from its oldest one.
    from = last.position;
  }
}
