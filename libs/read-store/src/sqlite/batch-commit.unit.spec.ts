import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stagedModel } from '../names';
import type { JsonObject, WriteBatch } from '../read-store.port';
import { SqliteReadStore } from './sqlite-read-store';

const put = (id: string, doc: JsonObject, position: number, collection = 'c') => ({
  kind: 'put' as const,
  collection,
  id,
  doc,
  position,
});
const batch = (checkpoint: number, writes: WriteBatch['writes'], projection = 'p'): WriteBatch => ({
  projection,
  checkpoint,
  writes,
});
const ids = async (store: SqliteReadStore, filter: Record<string, string | number | boolean>, collection = 'c') =>
  (await store.find(collection, filter)).items.map((d) => d.id);

describe('SqliteReadStore commits', () => {
  let dir: string;
  let store: SqliteReadStore;
  const db = () => (store as unknown as { db: Database.Database }).db;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-commit-'));
    store = await SqliteReadStore.open(join(dir, 'read.sqlite'));
    await store.ensureIndexes([
      { collection: 'c', fields: ['k'] },
      { collection: 'c', fields: ['u'], unique: true },
    ]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps index rows exact when an update adds, keeps and drops values', async () => {
    await store.commit(batch(1, [put('a', { k: ['x', 'y', 1] }, 1), put('b', { k: ['y'] }, 1)]));
    await store.commit(batch(2, [put('a', { k: ['y', 'z', '1'] }, 2)]));
    expect(await ids(store, { k: 'x' })).toEqual([]);
    expect(await ids(store, { k: 'y' })).toEqual(['a', 'b']);
    expect(await ids(store, { k: 'z' })).toEqual(['a']);
    expect(await ids(store, { k: 1 })).toEqual([]);
    expect(await ids(store, { k: '1' })).toEqual(['a']);
    expect(await store.count('c', { k: 'y' })).toBe(2);
  });

  it('frees a unique value the update dropped, so another document can take it', async () => {
    await store.commit(batch(1, [put('a', { u: 'v1' }, 1)]));
    await store.commit(batch(2, [put('a', { u: 'v2' }, 2), put('b', { u: 'v1' }, 2)]));
    expect(await ids(store, { u: 'v1' })).toEqual(['b']);
    expect(await ids(store, { u: 'v2' })).toEqual(['a']);
  });

  it('removes every index row with a deleted document, and indexes it afresh when it returns', async () => {
    await store.commit(batch(1, [put('a', { k: ['x'], u: true }, 1)]));
    await store.commit(batch(2, [{ kind: 'delete', collection: 'c', id: 'a', position: 2 }]));
    expect(await ids(store, { k: 'x' })).toEqual([]);
    await store.commit(batch(3, [put('a', { k: ['w'], u: true }, 3)]));
    expect(await ids(store, { k: 'w' })).toEqual(['a']);
    expect(await ids(store, { u: true })).toEqual(['a']);
  });

  it("commits a rebuild's staged batches with synchronous NORMAL and restores FULL, also after a failure", async () => {
    const staged = stagedModel({
      projection: 'p',
      collections: ['c'],
      indexes: [{ collection: 'c', fields: ['u'], unique: true }],
    });
    await store.beginRebuild({
      projection: 'p',
      collections: ['c'],
      indexes: [{ collection: 'c', fields: ['u'], unique: true }],
    });
    // Staged side tables wait for the swap; this one is asked for now, so the second commit fails.
    await store.ensureIndexes(staged.indexes);
    const sc = staged.collections[0]!;
    await store.commit(batch(1, [put('a', { u: 'v' }, 1, sc)], staged.projection));
    expect(db().pragma('synchronous', { simple: true })).toBe(2);
    await expect(store.commit(batch(2, [put('b', { u: 'v' }, 2, sc)], staged.projection))).rejects.toThrow();
    expect(db().pragma('synchronous', { simple: true })).toBe(2);
    expect(await ids(store, { u: 'v' }, sc)).toEqual(['a']);
  });

  it('builds staged indexes at the swap; a violation there leaves the live model as it was', async () => {
    const model = { projection: 'p', collections: ['c'], indexes: [{ collection: 'c', fields: ['u'], unique: true }] };
    await store.commit(batch(1, [put('live', { u: 'v', k: 'x' }, 1)]));
    const staged = await store.beginRebuild(model);
    const sc = staged.collections[0]!;
    await store.commit(batch(2, [put('a', { u: 'v' }, 1, sc), put('b', { u: 'v' }, 2, sc)], staged.projection));
    expect(db().prepare('SELECT count(*) AS n FROM _indexes WHERE collection = ?').get(sc)).toEqual({ n: 0 });
    // By code: SqliteError may come from another test file's copy of the addon (see batch-commit.ts).
    await expect(store.swapRebuild(model)).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_CONSTRAINT/) });
    expect(await ids(store, { u: 'v' })).toEqual(['live']);
    expect(await store.getCheckpoint('p')).toBe(1);
    await store.commit(batch(3, [put('b', { u: 'w' }, 3, sc)], staged.projection));
    await store.swapRebuild(model);
    expect(await ids(store, { u: 'v' })).toEqual(['a']);
    expect(await ids(store, { u: 'w' })).toEqual(['b']);
  });
});
