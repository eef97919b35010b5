import { StreamHeads } from '#audit';
import { AUDIT_ANCHOR_STREAM } from '#domain';
import type { EventStore } from '#event-store';

/** The stream heads as of `position` (inclusive), replayed from the log. */
export async function headsAt(store: EventStore, position: number, pageSize = 5000): Promise<StreamHeads> {
  const heads = new StreamHeads();
  let after = 0;
  for (;;) {
    const events = await store.readAll({ after, maxCount: pageSize });
    for (const event of events) {
      if (event.position > position) return heads;
      if (event.stream !== AUDIT_ANCHOR_STREAM) heads.apply(event);
    }
    if (events.length < pageSize) return heads;
    after = events[events.length - 1]!.position;
  }
}
