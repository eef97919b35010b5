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

/** The index of `table` whose first column is `id`, and how full its leaf pages are (dbstat). */
function idIndexFill(db: Database.Database, table: string): { name: string; fill: number } {
  const name = db
    .prepare(
      `SELECT il.name FROM pragma_index_list(?) AS il, pragma_index_info(il.name) AS ii
       WHERE ii.seqno = 0 AND ii.name = 'id'`,
    )
    .pluck()
    .get(table) as string;
  const { used, size } = db
    .prepare(
      `SELECT sum(pgsize - unused) AS used, sum(pgsize) AS size FROM dbstat WHERE name = ? AND pagetype = 'leaf'`,
    )
    .get(name) as { used: number; size: number };
  return { name, fill: used / size };
}

describe('SQLite side tables: the by-id index', () => {
  let dir: string;
  let store: SqliteReadStore;
  const db = () => (store as unknown as { db: Database.Database }).db;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-index-by-id-'));
    store = await SqliteReadStore.open(join(dir, 'read.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const deletePlan = (table: string): string =>
    (db().prepare(`EXPLAIN QUERY PLAN DELETE FROM "${table}" WHERE id = ?`).all('x') as { detail: string }[])
      .map((r) => r.detail)
      .join('; ');

  async function rebuild(writes: DocumentWrite[], checkpoint: number): Promise<void> {
    const staged = await store.beginRebuild(MODEL);
    const stagedWrites = writes.map((w) => ({ ...w, collection: staged.collections[0]! }));
    await store.commit({ projection: staged.projection, checkpoint, writes: stagedWrites });
    await store.swapRebuild(MODEL, { replace: true });
  }

  it('is written in order at the swap: its leaf pages are packed, not split by random inserts', async () => {
    await rebuild(records(4_000, 1), 4_000);
    for (const table of [SIDE, UNIQUE_SIDE]) expect(idIndexFill(db(), table).fill).toBeGreaterThan(0.95);
  });

  it('keeps one by-id index per side table when staged tables are indexed before each swap', async () => {
    const docs = records(40, 1);
    for (let round = 0; round < 3; round++) {
      const staged = await store.beginRebuild(MODEL);
      const writes = docs.map((w) => ({ ...w, collection: staged.collections[0]! }));
      await store.commit({ projection: staged.projection, checkpoint: 40, writes });
      await store.ensureIndexes(staged.indexes);
      await store.swapRebuild(MODEL, { replace: true });
      for (const table of [SIDE, UNIQUE_SIDE]) expect(deletePlan(table)).toMatch(/USING (COVERING )?INDEX .*\(id=\?\)/);
    }
  });

  it('survives swap after swap, and a changed document loses its old rows by id', async () => {
    await store.ensureIndexes(MODEL.indexes);
    const first = records(50, 1);
    await store.commit({ projection: 'report', checkpoint: 50, writes: first });
    await rebuild(first, 50);
    await rebuild(first, 50);
    for (const table of [SIDE, UNIQUE_SIDE]) {
      expect(deletePlan(table)).toMatch(/USING (COVERING )?INDEX .*\(id=\?\)/);
    }
    const changed = { ...first[3]!, doc: { keys: ['z|1'], at: '2026-02-01', ref: 'moved' }, position: 51 };
    await store.commit({ projection: 'report', checkpoint: 51, writes: [changed] });
    expect((await store.find('records', { keys: 'z|1', at: '2026-02-01' })).items.map((d) => d.id)).toEqual([
      changed.id,
    ]);
    expect((await store.find('records', { ref: 'r3' })).items).toEqual([]);
    const rows = db().prepare(`SELECT v0 FROM "${SIDE}" WHERE id = ?`).pluck().all(changed.id);
    expect(rows).toEqual(['z|1']);
  });
});
