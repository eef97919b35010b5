import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureSqlite, ensurePrivateFile, openSqliteFile, truncateWal, type SqliteFileSpec } from './index';

class StoreError extends Error {}

function spec(
  prepare: SqliteFileSpec<StoreError>['prepare'] = (db) => configureSqlite(db, { secureDelete: true }),
): SqliteFileSpec<StoreError> {
  return { unavailable: (problem) => new StoreError(`store: ${problem}`), errorType: StoreError, prepare };
}

const mode = (file: string): number => statSync(file).mode & 0o777;

describe('openSqliteFile', () => {
  const root = mkdtempSync(join(tmpdir(), 'sqlite-open-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates the folders owner only and the file and its WAL 0600', () => {
    const file = join(root, 'a', 'b', 'store.sqlite');
    const db = openSqliteFile(file, spec());
    db.exec('CREATE TABLE t (x)');
    expect([mode(join(root, 'a')), mode(join(root, 'a', 'b'))]).toEqual([0o700, 0o700]);
    expect([mode(file), mode(`${file}-wal`)]).toEqual([0o600, 0o600]);
    db.close();
  });

  it('takes group and other access from an existing store file, keeping its bytes', () => {
    const old = join(root, 'old.sqlite');
    writeFileSync(old, 'kept');
    chmodSync(old, 0o644);
    ensurePrivateFile(old);
    expect(mode(old)).toBe(0o600);
    expect(readFileSync(old, 'utf8')).toBe('kept');
  });

  it('refuses a file that is not SQLite before SQLite opens it, leaving bytes and mode alone', () => {
    const file = join(root, 'foreign.sqlite');
    writeFileSync(file, 'not a database, just sixteen+ bytes');
    chmodSync(file, 0o644);
    expect(() => openSqliteFile(file, spec())).toThrow(
      new StoreError('store: the file is not an SQLite database (corrupt or foreign)'),
    );
    expect(readFileSync(file, 'utf8')).toBe('not a database, just sixteen+ bytes');
    expect(mode(file)).toBe(0o644);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it("passes the store's own error through and wraps any other, closing the file", () => {
    let opened: Database.Database | undefined;
    const own = new StoreError('store: belongs to something else');
    expect(() =>
      openSqliteFile(
        join(root, 'own.sqlite'),
        spec((db) => {
          opened = db;
          throw own;
        }),
      ),
    ).toThrow(own);
    expect(opened?.open).toBe(false);
    expect(() =>
      openSqliteFile(
        join(root, 'other.sqlite'),
        spec(() => {
          throw new Error('disk I/O error');
        }),
      ),
    ).toThrow(new StoreError('store: disk I/O error'));
  });

  it('names the folder that cannot be created, or the file standing where it should be', () => {
    writeFileSync(join(root, 'plain'), 'x');
    expect(() => openSqliteFile(join(root, 'plain', 'store.sqlite'), spec())).toThrow(
      /^store: the folder .*plain cannot be created \(a file stands where the folder should be\)$/,
    );
    expect(() => openSqliteFile(join(root, 'plain', 'sub', 'store.sqlite'), spec())).toThrow(
      /^store: the folder .*sub cannot be created \(ENOTDIR/,
    );
  });
});

describe('configureSqlite and truncateWal', () => {
  const root = mkdtempSync(join(tmpdir(), 'sqlite-wal-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('turns on WAL, FULL sync and secure_delete, and truncation empties the WAL', () => {
    const file = join(root, 'wal.sqlite');
    const db = openSqliteFile(file, spec());
    expect([
      db.pragma('journal_mode', { simple: true }),
      db.pragma('synchronous', { simple: true }),
      db.pragma('secure_delete', { simple: true }),
    ]).toEqual(['wal', 2, 1]);
    db.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('secret'); DELETE FROM t");
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(truncateWal(db)).toBe(true);
    expect(statSync(`${file}-wal`).size).toBe(0);
    db.close();
  });

  it('reports a WAL a reader keeps busy', () => {
    const file = join(root, 'busy.sqlite');
    const db = openSqliteFile(file, spec());
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    const reader = new Database(file, { timeout: 1 });
    const rows = reader.prepare('SELECT x FROM t').iterate();
    rows.next();
    db.exec('INSERT INTO t VALUES (2)');
    db.pragma('busy_timeout = 1');
    expect(truncateWal(db)).toBe(false);
    rows.return?.();
    reader.close();
    db.close();
  });
});
