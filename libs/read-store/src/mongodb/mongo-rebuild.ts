import type { Db } from 'mongodb';
import { RebuildNotCaughtUpError } from '../errors';
import { checkCollection, checkProjection, stagedModel } from '../names';
import type { ReadModelSpec, SwapOptions } from '../read-store.port';
import type { IndexRegistry } from './mongo-indexes';
import { readCheckpoint, readCheckpointMark } from './mongo-writes';
import { checkpoints, isNamespaceNotFound } from './mongo-shape';

async function drop(db: Db, registry: IndexRegistry, collection: string): Promise<void> {
  await db.dropCollection(checkCollection(collection)).catch((error: unknown) => {
    if (!isNamespaceNotFound(error)) throw error;
  });
  registry.forget(collection);
}

export async function reset(db: Db, registry: IndexRegistry, model: ReadModelSpec): Promise<void> {
  for (const c of model.collections) await drop(db, registry, c);
  await checkpoints(db).deleteOne({ _id: checkProjection(model.projection) });
}

/** Collections are created up front so that the swap can rename even one the replay never wrote. */
export async function beginRebuild(db: Db, registry: IndexRegistry, model: ReadModelSpec): Promise<ReadModelSpec> {
  const staged = stagedModel(model);
  await reset(db, registry, staged);
  for (const c of staged.collections) {
    await db.createCollection(c);
    await registry.ensureChangesIndex(c);
  }
  await registry.ensure(staged.indexes);
  return staged;
}

/**
 * renameCollection with dropTarget swaps one collection atomically; MongoDB cannot rename inside a
 * transaction, so several collections switch one after the other. The live checkpoint moves last:
 * if the process dies midway, the live runner resumes from the old checkpoint, and the swapped
 * collections' documents, whose positions are ahead, refuse the replayed writes until it catches up.
 */
export async function swapRebuild(
  db: Db,
  registry: IndexRegistry,
  model: ReadModelSpec,
  options: SwapOptions = {},
): Promise<void> {
  const staged = stagedModel(model);
  const live = await readCheckpoint(db, model.projection);
  const rebuilt = await readCheckpointMark(db, staged.projection);
  if (rebuilt.position < live && !options.replace)
    throw new RebuildNotCaughtUpError(model.projection, rebuilt.position, live);
  for (const [i, c] of model.collections.entries()) {
    await db.renameCollection(staged.collections[i]!, c, { dropTarget: true });
    registry.forget(c);
    registry.forget(staged.collections[i]!);
  }
  await checkpoints(db).updateOne(
    { _id: model.projection },
    { $set: { position: rebuilt.position, eventId: rebuilt.eventId ?? null } },
    { upsert: true },
  );
  await checkpoints(db).deleteOne({ _id: staged.projection });
}
