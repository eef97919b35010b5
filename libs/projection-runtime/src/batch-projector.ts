import type { CommitResult, ReadStore, StoredDocument } from '#read-store';
import type { ProjectedEvent, ReadModel } from '#projections';
import type { RecordedEvent } from '#event-store';
import type { SubjectEvent } from '#domain';
import { matchesFilter } from './event-filter';
import { foldBatch, slotId, touchedKeys } from './fold-batch';
import { resolveLookups } from './lookup-keys';
import type { ProjectionTarget } from './projection-names';
import { batchTrace, inSpan, ATTR_EVENT_COUNT, ATTR_POSITION, ATTR_READ_MODEL } from '#runtime';

const ERASED: SubjectEvent['type'] = 'SubjectErased';

/** Turns a stored event into what a model sees (e.g. with blind indexes derived). */
export type EventDeriver = (event: RecordedEvent) => Promise<ProjectedEvent>;

/**
 * Projects one batch of the log into one target: keeps the model's events, derives, loads the
 * touched documents, folds and commits the writes with the checkpoint in one `commit`.
 * `checkpoint` is the position of the batch's last event, relevant to the model or not, stored
 * with that event's id (see logMismatch).
 * One span per commit, continuing the trace of the command that wrote the batch's first event and
 * linked to the others' (see batchTrace).
 */
export function projectBatch(
  store: ReadStore,
  model: ReadModel,
  target: ProjectionTarget,
  derive: EventDeriver,
  batch: readonly RecordedEvent[],
): Promise<CommitResult> {
  const relevant = batch.filter((e) => matchesFilter(e, model.filter));
  const attributes = {
    [ATTR_READ_MODEL]: model.name,
    [ATTR_EVENT_COUNT]: relevant.length,
    [ATTR_POSITION]: batch[batch.length - 1]?.position ?? 0,
  };
  return inSpan(`project ${model.name}`, { attributes, ...batchTrace(relevant) }, () =>
    commitBatch(store, model, target, derive, batch, relevant),
  );
}

async function commitBatch(
  store: ReadStore,
  model: ReadModel,
  target: ProjectionTarget,
  derive: EventDeriver,
  batch: readonly RecordedEvent[],
  relevant: readonly RecordedEvent[],
): Promise<CommitResult> {
  const last = batch[batch.length - 1];
  const checkpoint = last?.position ?? 0;
  const events: ProjectedEvent[] = [];
  for (const event of relevant) events.push(await derive(event));
  const lookedUp = await resolveLookups(store, model, target, events);
  const stored = new Map<string, StoredDocument>();
  for (const [collection, ids] of touchedKeys(model, events, lookedUp)) {
    for (const doc of await store.getMany(target.collection(collection), ids))
      stored.set(slotId({ collection, id: doc.id }), doc);
  }
  const writes = foldBatch(model, events, stored, lookedUp).map((w) => ({
    ...w,
    collection: target.collection(w.collection),
  }));
  const erasure = relevant.some((e) => e.type === ERASED);
  return store.commit({
    projection: target.projection,
    checkpoint,
    writes,
    erasure,
    ...(last ? { eventId: last.id } : {}),
  });
}
