import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadStoreUnavailableError } from '../errors';
import { APPLICATION_ID } from './open-read-database';
import { SqliteReadStore } from './sqlite-read-store';

describe('SqliteReadStore.open', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-open-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function openError(file: string): Promise<ReadStoreUnavailableError> {
    const error = await SqliteReadStore.open(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReadStoreUnavailableError);
    return error as ReadStoreUnavailableError;
  }

  it('refuses a file that is not SQLite, naming the file and DATA_DIR', async () => {
    const file = join(dir, 'read.sqlite');
    writeFileSync(file, 'this is not a database, just text that is long enough');
    const error = await openError(file);
    expect(error.message).toContain(file);
    expect(error.message).toContain('DATA_DIR');
    expect(error.setting).toBe('DATA_DIR');
  });

  it('refuses a SQLite database of another program', async () => {
    const file = join(dir, 'read.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    other.close();
    expect((await openError(file)).message).toMatch(/belongs to something else/);
  });

  it('opens in WAL mode and reopens its own file', async () => {
    const file = join(dir, 'nested', 'read.sqlite');
    const store = await SqliteReadStore.open(file);
    await store.commit({
      projection: 'p',
      checkpoint: 1,
      writes: [{ kind: 'put', collection: 'c', id: 'a', doc: {}, position: 1 }],
    });
    await store.close();
    const again = await SqliteReadStore.open(file);
    expect(await again.getCheckpoint('p')).toBe(1);
    await again.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('wipes a forgotten index value from free space and, after an erasure batch, from the WAL', async () => {
    const file = join(dir, 'read.sqlite');
    const store = await SqliteReadStore.open(file);
    await store.ensureIndexes([{ collection: 'c', fields: ['k'] }]);
    const secret = 'email:forgotten-blind-index-value';
    await store.commit({
      projection: 'p',
      checkpoint: 1,
      writes: [{ kind: 'put', collection: 'c', id: 'a', doc: { k: [secret] }, position: 1 }],
    });
    const bytes = () => Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`)]);
    expect(bytes().includes(secret)).toBe(true);
    await store.commit({
      projection: 'p',
      checkpoint: 2,
      writes: [{ kind: 'put', collection: 'c', id: 'a', doc: { k: [] }, position: 2 }],
      erasure: true,
    });
    expect(statSync(`${file}-wal`).size).toBe(0);
    expect(bytes().includes(secret)).toBe(false);
    await store.close();
  });

  it('keeps indexes current when another connection declared them', async () => {
    const file = join(dir, 'read.sqlite');
    const writer = await SqliteReadStore.open(file);
    const reader = await SqliteReadStore.open(file);
    await writer.commit({
      projection: 'p',
      checkpoint: 1,
      writes: [{ kind: 'put', collection: 'c', id: 'a', doc: { k: ['x'] }, position: 1 }],
    });
    await reader.ensureIndexes([{ collection: 'c', fields: ['k'] }]);
    await writer.commit({
      projection: 'p',
      checkpoint: 2,
      writes: [{ kind: 'put', collection: 'c', id: 'b', doc: { k: ['x'] }, position: 2 }],
    });
    expect((await reader.find('c', { k: 'x' })).items.map((d) => d.id)).toEqual(['a', 'b']);
    await writer.close();
    await reader.close();
  });

  it('reads a document as it now is after another connection dropped or swapped its collection', async () => {
    const file = join(dir, 'read.sqlite');
    const writer = await SqliteReadStore.open(file);
    const reader = await SqliteReadStore.open(file);
    const model = { projection: 'p', collections: ['c'], indexes: [] };
    const put = (doc: { v: number }, position: number, collection = 'c', projection = 'p') =>
      writer.commit({
        projection,
        checkpoint: position,
        writes: [{ kind: 'put', collection, id: 'a', doc, position }],
      });
    await put({ v: 1 }, 1);
    expect((await reader.get('c', 'a'))?.doc).toEqual({ v: 1 });
    await writer.reset(model);
    expect(await reader.get('c', 'a')).toBeUndefined();
    await put({ v: 2 }, 2);
    expect((await reader.get('c', 'a'))?.doc).toEqual({ v: 2 });
    const staged = await writer.beginRebuild(model);
    await put({ v: 3 }, 3, staged.collections[0], staged.projection);
    await writer.swapRebuild(model);
    expect((await reader.get('c', 'a'))?.doc).toEqual({ v: 3 });
    await writer.close();
    await reader.close();
  });

  it('opens a file written before checkpoints kept event ids: old checkpoints read without one', async () => {
    const file = join(dir, 'read.sqlite');
    const old = new Database(file);
    old.exec('CREATE TABLE _checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID');
    old.exec("INSERT INTO _checkpoints VALUES ('subject-profile', 12)");
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.close();
    const store = await SqliteReadStore.open(file);
    expect(await store.getCheckpointMark('subject-profile')).toEqual({ position: 12 });
    await store.commit({ projection: 'subject-profile', checkpoint: 13, eventId: 'e-13', writes: [] });
    expect(await store.getCheckpointMark('subject-profile')).toEqual({ position: 13, eventId: 'e-13' });
    await store.close();
  });

  it('sizes its page cache as configured (64 MiB unless told)', async () => {
    const cacheKib = async (options?: { cacheMib: number }) => {
      const store = await SqliteReadStore.open(join(dir, 'read.sqlite'), options);
      const db = (store as unknown as { db: Database.Database }).db;
      const size = db.pragma('cache_size', { simple: true });
      await store.close();
      return size;
    };
    expect(await cacheKib()).toBe(-64 * 1024);
    expect(await cacheKib({ cacheMib: 8 })).toBe(-8 * 1024);
  });
});
