import { UniqueIndexViolationError } from '../errors';
import { checkBatch } from '../names';
import type { CommitResult, DocumentWrite, WriteBatch } from '../read-store.port';
import type { Catalog } from './catalog';
import { deleteKeys, insertKeys, type IndexTable } from './index-table';
import { q } from './sql';

export function readCheckpoint(catalog: Catalog, projection: string): number {
  const row = catalog.sql.get('SELECT position FROM _checkpoints WHERE projection = ?').get(projection) as { position: number } | undefined;
  return row?.position ?? 0;
}

export function writeCheckpoint(catalog: Catalog, projection: string, position: number): void {
  catalog.sql.get('INSERT INTO _checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position')
    .run(projection, position);
}

function storedPosition(catalog: Catalog, collection: string, id: string): number | undefined {
  const row = catalog.sql.get(`SELECT position FROM ${q(collection)} WHERE id = ?`).get(id) as { position: number } | undefined;
  return row?.position;
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
  const stored = storedPosition(catalog, w.collection, w.id);
  if (stored !== undefined && stored >= w.position) return false;
  const table = q(w.collection);
  for (const ix of catalog.indexesOf(w.collection)) deleteKeys(catalog.sql, ix, w.id);
  if (w.kind === 'delete') {
    catalog.sql.get(`DELETE FROM ${table} WHERE id = ?`).run(w.id);
    return stored !== undefined;
  }
  catalog.sql.get(`INSERT INTO ${table} (id, doc, position) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, position = excluded.position`).run(w.id, JSON.stringify(w.doc), w.position);
  for (const ix of catalog.indexesOf(w.collection)) withIndex(ix, () => insertKeys(catalog.sql, ix, w.id, w.doc));
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
    writeCheckpoint(catalog, batch.projection, batch.checkpoint);
    return { committed: true, written };
  });
  try {
    return run.immediate();
  } catch (err) {
    catalog.forget();
    throw err;
  }
}
