import { type LeafMapper, mapDataPaths } from './shared/data-paths';
import type { SubjectEvent } from './subject/subject.events';
import { subjectPersonalFields } from './subject/subject.events';
import type { TopicEvent } from './topic/topic.events';
import { topicPersonalFields } from './topic/topic.events';

export type DomainEvent = TopicEvent | SubjectEvent;

/** Per event type, the declared personal paths of its `data` (see each `*.events.ts`). */
export const PERSONAL_FIELDS: { readonly [T in DomainEvent['type']]: readonly string[] } = {
  ...topicPersonalFields,
  ...subjectPersonalFields,
};

/**
 * A copy of the event with exactly its declared personal fields passed through `fn`, which gets
 * the value and its concrete path (`contactPoints[0].address`, `profile.firstName`). The
 * application passes an encryptor on the way to the store and a decryptor on the way back.
 * An undeclared type is an error, never a silent pass-through of clear text.
 */
export function mapPersonalFields<E extends { type: string; data: unknown }>(event: E, fn: LeafMapper): E {
  const paths = (PERSONAL_FIELDS as Record<string, readonly string[] | undefined>)[event.type];
  if (paths === undefined) throw new Error(`no personal-field declaration for event type ${event.type}`);
  return { ...event, data: mapDataPaths(event.data, paths, fn) };
}

export type { LeafMapper as PersonalFieldMapper };
