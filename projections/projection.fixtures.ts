import { subjectStreamName, topicStreamName } from '#domain';
import type { JsonObject } from '#read-store';
import type { DocumentKey, ProjectedEvent, ReadModel } from './read-model';

/** Shared test data for read-model specs (never imported by production code). */
export const SUBJECT = '6f1c2b8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b';
export const T0 = '2025-03-01T10:00:00.000Z';
export const T1 = '2025-03-02T10:00:00.000Z';
export const T2 = '2025-03-03T10:00:00.000Z';
export const NOW = '2025-03-05T10:00:00.000Z';
export const LATER = '2025-04-01T10:00:00.000Z';
export const CIPHER_MAIL = 'enc:v1:k1:iv:mail-ciphertext';
export const CIPHER_SMS = 'enc:v1:k1:iv:sms-ciphertext';
export const MAIL_INDEX = `email:${'a'.repeat(64)}`;
export const SMS_INDEX = `phone:${'b'.repeat(64)}`;

let position = 0;

/** A recorded event as the runner hands it to a model; ids are `e<position>` so proofs read plainly. */
export function projected(
  stream: string,
  type: string,
  data: JsonObject,
  blindIndexes?: Record<string, string>,
): ProjectedEvent {
  position += 1;
  return {
    id: `e${position}`,
    type,
    data,
    metadata: {},
    stream,
    revision: position - 1,
    position,
    created: new Date(0),
    derived: blindIndexes === undefined ? {} : { blindIndexes },
  };
}

export const subjectEvent = (type: string, data: JsonObject, blindIndexes?: Record<string, string>) =>
  projected(subjectStreamName(SUBJECT), type, { subjectId: SUBJECT, ...data }, blindIndexes);

export const topicEvent = (topicId: string, type: string, data: JsonObject) =>
  projected(topicStreamName(topicId), type, { topicId, ...data });

/**
 * What a runner does, minus the store: documents by key, each event folded into the documents it
 * touches, and a JSON round trip between batches as a real store would make.
 */
export function fold<D extends JsonObject>(
  model: ReadModel<D>,
  events: readonly ProjectedEvent[],
  start = new Map<string, D>(),
): Map<string, D> {
  const docs = new Map(start);
  for (const event of events) {
    for (const key of [...model.keysOf(event), ...lookedUp(model, event, docs)]) {
      const next = model.apply(docs.get(id(key)), event, key);
      if (next === undefined) docs.delete(id(key));
      else docs.set(id(key), JSON.parse(JSON.stringify(next)) as D);
    }
  }
  return docs;
}

const id = (key: DocumentKey) => `${key.collection}/${key.id}`;

/** The documents an event's lookups reach, as a store's index would find them. */
function lookedUp<D extends JsonObject>(
  model: ReadModel<D>,
  event: ProjectedEvent,
  docs: Map<string, D>,
): DocumentKey[] {
  const keys: DocumentKey[] = [];
  for (const { collection, equal } of model.lookupsOf?.(event) ?? []) {
    for (const [slot, doc] of docs) {
      const matches = Object.entries(equal).every(([field, value]) => doc[field] === value);
      if (slot.startsWith(`${collection}/`) && matches)
        keys.push({ collection, id: slot.slice(collection.length + 1) });
    }
  }
  return keys;
}
