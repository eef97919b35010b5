import { UniqueIndexViolationError } from '../errors';
import { checkBatch } from '../names';
import type { CheckpointMark, CommitResult, DocumentWrite, JsonObject, WriteBatch } from '../read-store.port';
import type { Catalog } from './catalog';
import { removeKeys, updateKeys } from './index-diff';
import type { IndexTable } from './index-table';
import { q } from './sql';
import { isStaged, withSyncNormal } from './staged-sync';

export function readCheckpoint(catalog: Catalog, projection: string): number {
  const row = catalog.sql.get('SELECT position FROM _checkpoints WHERE projection = ?').get(projection) as
    | { position: number }
    | undefined;
  return row?.position ?? 0;
}

export function readCheckpointMark(catalog: Catalog, projection: string): CheckpointMark {
  const row = catalog.sql.get('SELECT position, event_id FROM _checkpoints WHERE projection = ?').get(projection) as
    | { position: number; event_id: string | null }
    | undefined;
  if (!row) return { position: 0 };
  return row.event_id === null ? { position: row.position } : { position: row.position, eventId: row.event_id };
}

/** Without `eventId` the stored id is cleared: it named the event at the old position. */
export function writeCheckpoint(catalog: Catalog, projection: string, position: number, eventId?: string): void {
  catalog.sql
    .get(`INSERT INTO _checkpoints (projection, position, event_id) VALUES (?, ?, ?)
    ON CONFLICT (projection) DO UPDATE SET position = excluded.position, event_id = excluded.event_id`)
    .run(projection, position, eventId ?? null);
}

interface StoredRow {
  position: number;
  doc?: string;
}

/** The body is read only where side tables need the old keys (to diff against, or to remove). */
function storedRow(catalog: Catalog, collection: string, id: string, withDoc: boolean): StoredRow | undefined {
  const columns = withDoc ? 'position, doc' : 'position';
  return catalog.sql.get(`SELECT ${columns} FROM ${q(collection)} WHERE id = ?`).get(id) as StoredRow | undefined;
}

function withIndex<T>(ix: IndexTable, run: () => T): T {
  try {
    return run();
  } catch (err) {
    // By code, not instanceof: the native addon binds one SqliteError class per process, which a
    // second copy of the module (jest's per-file registry) does not share.
    const { code, message } = err as { code?: unknown; message?: string };
    const constraint = typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
    if (constraint && ix.unique) throw new UniqueIndexViolationError(ix.collection, ix.name, message ?? String(code));
    throw err;
  }
}

/** Applies one write unless the stored document already reflects this or a later event. */
function applyWrite(catalog: Catalog, w: DocumentWrite): boolean {
  catalog.ensureCollection(w.collection);
  const indexes = catalog.indexesOf(w.collection);
  const stored = storedRow(catalog, w.collection, w.id, indexes.length > 0);
  if (stored !== undefined && stored.position >= w.position) return false;
  const table = q(w.collection);
  // No stored body means no side-table rows either (they are removed with it), so nothing to diff.
  const before = stored?.doc === undefined ? undefined : (JSON.parse(stored.doc) as JsonObject);
  if (w.kind === 'delete') {
    if (before !== undefined) for (const ix of indexes) removeKeys(catalog.sql, ix, w.id, before);
    catalog.sql.get(`DELETE FROM ${table} WHERE id = ?`).run(w.id);
    return stored !== undefined;
  }
  catalog.sql
    .get(`INSERT INTO ${table} (id, doc, position) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, position = excluded.position`)
    .run(w.id, JSON.stringify(w.doc), w.position);
  for (const ix of indexes) withIndex(ix, () => updateKeys(catalog.sql, ix, w.id, before, w.doc));
  return true;
}

/** One IMMEDIATE transaction: documents, index rows and checkpoint commit or roll back together. */
export function commitBatch(catalog: Catalog, batch: WriteBatch): CommitResult {
  checkBatch(batch);
  const run = catalog.db.transaction((): CommitResult => {
    catalog.refresh();
    if (readCheckpoint(catalog, batch.projection) >= batch.checkpoint) return { committed: false, written: 0 };
    let written = 0;
    for (const w of batch.writes) if (applyWrite(catalog, w)) written++;
    writeCheckpoint(catalog, batch.projection, batch.checkpoint, batch.eventId);
    return { committed: true, written };
  });
  try {
    return isStaged(batch.projection) ? withSyncNormal(catalog, () => run.immediate()) : run.immediate();
  } catch (err) {
    catalog.forget();
    throw err;
  }
}
