import Database from 'better-sqlite3';
import { InsertBatcher } from './insert-batcher';

describe('InsertBatcher', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
  });
  afterEach(() => db.close());

  it('commits inserts of one event-loop turn in a single transaction', async () => {
    const insert = db.prepare('INSERT INTO t (id) VALUES (?)');
    const transactions: number[] = [];
    const batcher = new InsertBatcher(db, (id: string) => {
      transactions.push(Number(db.inTransaction));
      return insert.run(id).changes;
    });
    expect(await Promise.all(['a', 'b', 'c'].map((id) => batcher.submit(id)))).toEqual([1, 1, 1]);
    expect(transactions).toEqual([1, 1, 1]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 3 });
  });

  it('rolls the whole batch back and rejects every caller when one insert fails', async () => {
    const batcher = new InsertBatcher(db, (id: string) => db.prepare('INSERT INTO t (id) VALUES (?)').run(id).changes);
    const results = await Promise.allSettled(['a', 'a'].map((id) => batcher.submit(id)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
  });

  it('commits waiting inserts when flushed before the next turn', async () => {
    const batcher = new InsertBatcher(db, (id: string) => db.prepare('INSERT INTO t (id) VALUES (?)').run(id).changes);
    const pending = batcher.submit('a');
    batcher.flush();
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1 });
    await expect(pending).resolves.toBe(1);
  });
});
