import { SUBJECT_STREAM_PREFIX, SubjectEventType, subjectIdOf } from '#domain';
import type { EventFilter, EventStore, RecordedEvent } from '#event-store';

const PAGE = 1_000;

/** Pages through the log's events matching `filter` after position `from`, oldest first. */
export async function* readAllMatching(
  store: EventStore,
  filter: EventFilter,
  from = 0,
): AsyncGenerator<RecordedEvent> {
  let after = from;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE, filter });
    for (const event of page) yield event;
    if (page.length < PAGE) return;
    after = page[page.length - 1].position;
    // The embedded store answers at once: let the event loop serve requests between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Every subject with `SubjectErased` in the log: the source of truth for Art. 17. */
export async function erasedSubjectIds(store: EventStore): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const event of readAllMatching(store, {
    streamPrefixes: [SUBJECT_STREAM_PREFIX],
    eventTypes: [SubjectEventType.SubjectErased],
  })) {
    ids.add(subjectIdOf(event.stream));
  }
  return ids;
}
