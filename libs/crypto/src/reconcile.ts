import type { DataKeyRing } from './data-key-ring';

const BATCH = 500;

/**
 * The log is the source of truth for Art. 17: a key restored from an old backup for a subject
 * with `SubjectErased` in the log is destroyed again, and every erased subject gets a tombstone
 * so that no new key is ever created for it. Returns the ids whose key was present and destroyed.
 */
export async function reconcileErasures(ring: DataKeyRing, erasedSubjectIds: Iterable<string>): Promise<string[]> {
  const destroyed: string[] = [];
  let batch: string[] = [];
  for (const id of erasedSubjectIds) {
    batch.push(id);
    if (batch.length === BATCH) {
      destroyed.push(...(await ring.destroyDataKeys(batch)));
      batch = [];
    }
  }
  if (batch.length > 0) destroyed.push(...(await ring.destroyDataKeys(batch)));
  return destroyed;
}
