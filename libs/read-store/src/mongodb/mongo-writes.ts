import type { AnyBulkWriteOperation, BulkWriteResult, ClientSession, Db } from 'mongodb';
import { UniqueIndexViolationError } from '../errors';
import { checkBatch } from '../names';
import type { CheckpointMark, CommitResult, DocumentWrite, WriteBatch } from '../read-store.port';
import { checkpoints, documents, type MongoDoc } from './mongo-shape';

/**
 * Replaces the stored document only when its position is lower, in one server-side step. Filtering
 * on `_id` alone keeps the upsert from racing into a duplicate-key error when a newer version
 * exists; `$literal` keeps strings such as "$x" in the document from being read as expressions.
 * A delete leaves a tombstone (`doc: null`) carrying its position: without one, replaying an older
 * put after a crash would bring the deleted document back.
 */
export function guardedWrite(w: DocumentWrite): AnyBulkWriteOperation<MongoDoc> {
  const next = { _id: w.id, _position: w.position, doc: w.kind === 'put' ? { $literal: w.doc } : null };
  const newer = { $lt: [{ $ifNull: ['$_position', -1] }, w.position] };
  return {
    updateOne: { filter: { _id: w.id }, update: [{ $replaceWith: { $cond: [newer, next, '$$ROOT'] } }], upsert: true },
  };
}

export function groupByCollection(writes: readonly DocumentWrite[]): Map<string, DocumentWrite[]> {
  const groups = new Map<string, DocumentWrite[]>();
  for (const w of writes) groups.set(w.collection, [...(groups.get(w.collection) ?? []), w]);
  return groups;
}

/** Changed documents; a tombstone for a document that never existed changed nothing. */
export function countWritten(result: BulkWriteResult, writes: readonly DocumentWrite[]): number {
  const upserted = Object.keys(result.upsertedIds)
    .map(Number)
    .filter((i) => writes[i]?.kind === 'put');
  return result.modifiedCount + upserted.length;
}

function uniqueViolation(error: unknown, collection: string): unknown {
  const { code, message } = error as { code?: unknown; message?: string };
  if (code !== 11000) return error;
  const index = /index: (\S+)/.exec(message ?? '')?.[1] ?? 'unknown';
  return new UniqueIndexViolationError(collection, index, 'duplicate key');
}

async function writeCollection(
  db: Db,
  collection: string,
  writes: DocumentWrite[],
  session?: ClientSession,
): Promise<number> {
  try {
    const result = await documents(db, collection).bulkWrite(writes.map(guardedWrite), { ordered: true, session });
    return countWritten(result, writes);
  } catch (error) {
    throw uniqueViolation(error, collection);
  }
}

export async function readCheckpoint(db: Db, projection: string, session?: ClientSession): Promise<number> {
  return (await readCheckpointMark(db, projection, session)).position;
}

export async function readCheckpointMark(db: Db, projection: string, session?: ClientSession): Promise<CheckpointMark> {
  const found = await checkpoints(db).findOne({ _id: projection }, { session });
  if (!found) return { position: 0 };
  return typeof found.eventId === 'string'
    ? { position: found.position, eventId: found.eventId }
    : { position: found.position };
}

/**
 * Moves the checkpoint forward only, and its event id with it in the same server-side step, so that
 * a racing writer without transactions never leaves a position beside another position's id.
 */
export async function advanceCheckpoint(
  db: Db,
  projection: string,
  position: number,
  eventId: string | undefined,
  session?: ClientSession,
): Promise<void> {
  const ahead = { $lt: [{ $ifNull: ['$position', -1] }, position] };
  const update = [
    {
      $set: {
        eventId: { $cond: [ahead, { $literal: eventId ?? null }, '$eventId'] },
        position: { $max: ['$position', position] },
      },
    },
  ];
  await checkpoints(db).updateOne({ _id: projection }, update, { upsert: true, session });
}

/**
 * Writes, then checkpoint, then tombstone purge. Without a transaction a crash can stop anywhere
 * in this sequence: the checkpoint has not moved, the replay repeats the same writes, and the
 * guards turn those already applied into no-ops. Tombstones at or below the checkpoint can go:
 * no replay reaches below it.
 */
async function apply(db: Db, batch: WriteBatch, session?: ClientSession): Promise<CommitResult> {
  if ((await readCheckpoint(db, batch.projection, session)) >= batch.checkpoint)
    return { committed: false, written: 0 };
  const groups = groupByCollection(batch.writes);
  let written = 0;
  for (const [collection, writes] of groups) written += await writeCollection(db, collection, writes, session);
  await advanceCheckpoint(db, batch.projection, batch.checkpoint, batch.eventId, session);
  for (const collection of groups.keys()) {
    await documents(db, collection).deleteMany({ doc: null, _position: { $lte: batch.checkpoint } }, { session });
  }
  return { committed: true, written };
}

export async function commitBatch(db: Db, batch: WriteBatch, session?: ClientSession): Promise<CommitResult> {
  checkBatch(batch);
  if (!session) return apply(db, batch);
  // withTransaction retries on transient errors; apply is safe to repeat for the same reasons as above.
  return session.withTransaction(() => apply(db, batch, session));
}
