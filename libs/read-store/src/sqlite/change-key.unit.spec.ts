import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from './sqlite-read-store';

/** `changes` walks an index on (position, id): work in proportion to what changed, not to the table. */
describe('SqliteReadStore changes: the (position, id) key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-changes-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function plan(file: string, table: string): string {
    const db = new Database(file, { readonly: true });
    try {
      const sql = `EXPLAIN QUERY PLAN SELECT id, doc, position FROM "${table}"
        WHERE (position, id) > (?, ?) AND position <= ? ORDER BY position, id LIMIT ?`;
      return (db.prepare(sql).all(0, '', 10, 10) as { detail: string }[]).map((r) => r.detail).join('; ');
    } finally {
      db.close();
    }
  }

  it('searches the key of a collection it created, and of one rebuilt and swapped in', async () => {
    const file = join(dir, 'read.sqlite');
    const store = await SqliteReadStore.open(file);
    const model = { projection: 'p', collections: ['docs'], indexes: [{ collection: 'docs', fields: ['kind'] }] };
    await store.ensureIndexes(model.indexes);
    await store.commit({
      projection: 'p',
      checkpoint: 1,
      writes: [{ kind: 'put', collection: 'docs', id: 'a', doc: { kind: 'x' }, position: 1 }],
    });
    expect(plan(file, 'docs')).toMatch(/^SEARCH docs USING INDEX/);
    const staged = await store.beginRebuild(model);
    await store.commit({ projection: staged.projection, checkpoint: 2, writes: [] });
    await store.swapRebuild(model);
    expect(plan(file, 'docs')).toMatch(/^SEARCH docs USING INDEX/);
    await store.close();
  });

  it('gives a table created before the key an index when the indexes are ensured', async () => {
    const file = join(dir, 'read.sqlite');
    await (await SqliteReadStore.open(file)).close();
    const db = new Database(file);
    db.exec('CREATE TABLE "docs" (id TEXT PRIMARY KEY, doc TEXT NOT NULL, position INTEGER NOT NULL)');
    db.close();
    expect(plan(file, 'docs')).not.toMatch(/USING INDEX/);
    const store = await SqliteReadStore.open(file);
    await store.ensureIndexes([{ collection: 'docs', fields: ['kind'] }]);
    await store.close();
    expect(plan(file, 'docs')).toMatch(/^SEARCH docs USING INDEX/);
  });
});
