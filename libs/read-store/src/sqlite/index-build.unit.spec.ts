import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexSpec, JsonObject } from '../read-store.port';
import { indexTable, valueColumns } from './index-table';
import { q } from './sql';
import { SqliteReadStore } from './sqlite-read-store';

/** Shapes index-values.valuesAt handles: arrays at any depth, objects in arrays, mixed types, gaps. */
const DOCS: Record<string, JsonObject> = {
  a: { k: ['x', 'y', 'x', 1, true, false, null, { k: 'no' }, ['nested', ['deeper']]], n: 2, at: '2026-01-01' },
  b: { k: 'x', n: 2.5, at: ['2026-01-02', '2026-01-03'], req: { status: 'open', tags: ['t1', 't1'] } },
  c: { k: { x: 1 }, n: '2', req: [{ status: 'done' }, { status: ['open', 'late'] }, 'loose', [{ status: 'deep' }]] },
  d: { none: true, req: { status: null, tags: [] } },
  e: { k: [], n: 0, at: 3, req: { status: { nested: 'no' } } },
  f: { k: ['1', 1, '1'], n: -1e21, at: true },
};

const SPECS = (collection: string): IndexSpec[] => [
  { collection, fields: ['k'] },
  { collection, fields: ['n'] },
  { collection, fields: ['k', 'at'] },
  { collection, fields: ['req.status'] },
  { collection, fields: ['req.tags', 'k'] },
];

describe('SQLite side tables built in bulk', () => {
  let dir: string;
  let store: SqliteReadStore;
  const db = () => (store as unknown as { db: Database.Database }).db;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-index-build-'));
    store = await SqliteReadStore.open(join(dir, 'read.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (collection: string) =>
    store.commit({
      projection: `p_${collection}`,
      checkpoint: 10,
      writes: Object.entries(DOCS).map(([id, doc], i) => ({
        kind: 'put' as const,
        collection,
        id,
        doc,
        position: i + 1,
      })),
    });

  /** Every row of the side table with the storage class of each value, in key order. */
  const rows = (spec: IndexSpec) => {
    const ix = indexTable(spec.collection, spec.fields, false);
    const cols = valueColumns(ix);
    const typed = cols.map((c) => `${c}, typeof(${c}) AS ${c}_type`).join(', ');
    return db()
      .prepare(`SELECT ${typed}, id FROM ${q(ix.table)} ORDER BY ${[...cols, 'id'].join(', ')}`)
      .all();
  };

  it('holds exactly the rows that per-document maintenance writes', async () => {
    await store.ensureIndexes(SPECS('kept'));
    await write('kept');
    await write('bulk');
    await store.ensureIndexes(SPECS('bulk'));
    for (const [i, spec] of SPECS('bulk').entries()) {
      const bulk = rows(spec);
      expect(bulk.length).toBeGreaterThan(0);
      expect(bulk).toEqual(rows(SPECS('kept')[i]!));
    }
    expect(rows(SPECS('bulk')[0]!).map((r) => (r as { id: string }).id)).toEqual(
      expect.arrayContaining(['a', 'b', 'f']),
    );
  });

  it('answers queries on the bulk-built index like on a maintained one', async () => {
    await write('bulk');
    await store.ensureIndexes(SPECS('bulk'));
    const ids = async (filter: Record<string, string | number | boolean>) =>
      (await store.find('bulk', filter)).items.map((d) => d.id);
    expect(await ids({ k: 'x' })).toEqual(['a', 'b']);
    expect(await ids({ k: 1 })).toEqual(['a', 'f']);
    expect(await ids({ k: '1' })).toEqual(['f']);
    expect(await ids({ k: true })).toEqual(['a']);
    expect(await ids({ k: 'deeper' })).toEqual(['a']);
    expect(await ids({ 'req.status': 'open' })).toEqual(['b', 'c']);
    expect(await ids({ 'req.status': 'deep' })).toEqual(['c']);
    expect(await ids({ n: 2 })).toEqual(['a']);
  });
});
