import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentWrite, ReadModelSpec } from '../read-store.port';
import { indexTable } from './index-table';
import { SqliteReadStore } from './sqlite-read-store';

const MODEL: ReadModelSpec = {
  projection: 'report',
  collections: ['records'],
  indexes: [
    { collection: 'records', fields: ['keys', 'at'] },
    { collection: 'records', fields: ['ref'], unique: true },
  ],
};
const SIDE = indexTable('records', ['keys', 'at'], false).table;
const UNIQUE_SIDE = indexTable('records', ['ref'], true).table;

/** Documents shaped like consent-report's records: several keys each, ids unrelated to key order. */
function records(n: number, position: number): DocumentWrite[] {
  return Array.from({ length: n }, (_, i) => {
    const keys = ['a', 'b', 'c', 'd'].map((k) => `${k}|${i % 7}`);
    const doc = { keys, at: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, ref: `r${i}` };
    return { kind: 'put' as const, collection: 'records', id: randomUUID(), doc, position: position + i };
  });
}

/** The B-trees SQLite keeps for `table`: its primary key, and any index beside it. */
const indexesOf = (db: Database.Database, table: string): string[] =>
  (db.prepare('SELECT origin FROM pragma_index_list(?) ORDER BY origin').pluck().all(table) as string[]).sort();

describe('SQLite side tables: one B-tree, rows found by their keys', () => {
  let dir: string;
  let store: SqliteReadStore;
  const db = () => (store as unknown as { db: Database.Database }).db;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-index-rows-'));
    store = await SqliteReadStore.open(join(dir, 'read.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function rebuild(writes: DocumentWrite[], checkpoint: number): Promise<void> {
    const staged = await store.beginRebuild(MODEL);
    const stagedWrites = writes.map((w) => ({ ...w, collection: staged.collections[0]! }));
    await store.commit({ projection: staged.projection, checkpoint, writes: stagedWrites });
    await store.swapRebuild(MODEL, { replace: true });
  }

  it('has no index by id beside the primary key, whether declared or built at a swap', async () => {
    await store.ensureIndexes(MODEL.indexes);
    for (const table of [SIDE, UNIQUE_SIDE]) expect(indexesOf(db(), table)).toEqual(['pk']);
    await rebuild(records(200, 1), 200);
    for (const table of [SIDE, UNIQUE_SIDE]) expect(indexesOf(db(), table)).toEqual(['pk']);
  });

  it('swaps in side tables indexed before the swap, round after round', async () => {
    const docs = records(40, 1);
    for (let round = 0; round < 3; round++) {
      const staged = await store.beginRebuild(MODEL);
      const writes = docs.map((w) => ({ ...w, collection: staged.collections[0]! }));
      await store.commit({ projection: staged.projection, checkpoint: 40, writes });
      await store.ensureIndexes(staged.indexes);
      await store.swapRebuild(MODEL, { replace: true });
      expect(await store.count('records', { ref: 'r7' })).toBe(1);
    }
  });

  it('removes exactly the rows of a changed or deleted document, each by its primary key', async () => {
    await store.ensureIndexes(MODEL.indexes);
    const first = records(50, 1);
    await store.commit({ projection: 'report', checkpoint: 50, writes: first });
    await rebuild(first, 50);
    const changed = { ...first[3]!, doc: { keys: ['z|1', 'a|3'], at: '2026-02-01', ref: 'moved' }, position: 51 };
    const deleted = { kind: 'delete' as const, collection: 'records', id: first[4]!.id, position: 52 };
    await store.commit({ projection: 'report', checkpoint: 52, writes: [changed, deleted] });
    const rowsOf = (table: string, id: string) =>
      db().prepare(`SELECT v0 FROM "${table}" WHERE id = ? ORDER BY v0`).pluck().all(id);
    expect(rowsOf(SIDE, changed.id)).toEqual(['a|3', 'z|1']);
    expect(rowsOf(UNIQUE_SIDE, changed.id)).toEqual(['moved']);
    for (const table of [SIDE, UNIQUE_SIDE]) expect(rowsOf(table, deleted.id)).toEqual([]);
    expect(await store.count('records', { ref: 'r3' })).toBe(0);
    expect(await store.count('records', { ref: 'r4' })).toBe(0);
    expect(await store.count('records', { ref: 'r5' })).toBe(1);
    const remove = `EXPLAIN QUERY PLAN DELETE FROM "${SIDE}" WHERE id = ? AND v0 = ? AND v1 = ?`;
    const plan = (db().prepare(remove).all('x', 'y', 'z') as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan).toMatch(/USING PRIMARY KEY \(v0=\? AND v1=\? AND id=\?\)/);
  });
});
