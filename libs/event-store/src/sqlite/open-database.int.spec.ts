import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreUnavailableError } from '../errors';
import { SCHEMA_VERSION } from './schema';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(dir, `case-${++n}`, 'events.sqlite');

function openError(file: string): EventStoreUnavailableError {
  try {
    new SqliteEventStore(file).close();
  } catch (err) {
    expect(err).toBeInstanceOf(EventStoreUnavailableError);
    return err as EventStoreUnavailableError;
  }
  throw new Error(`opening ${file} should have failed`);
}

/** The clear message the issue asks for: the file, and the setting that fixes it. */
function expectClearRefusal(file: string, problem: RegExp): void {
  const err = openError(file);
  expect(err.message).toContain(file);
  expect(err.message).toContain('DATA_DIR');
  expect(err.message).toMatch(problem);
  expect(err.setting).toBe('DATA_DIR');
  expect(err.message).not.toContain('\n');
}

function writeFile(file: string, content: Buffer | string): Buffer {
  rmSync(join(file, '..'), { recursive: true, force: true });
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, content);
  return readFileSync(file);
}

describe('opening the SQLite event store', () => {
  it('creates the folder and a WAL database at the current schema version', async () => {
    const file = freshPath();
    const store = new SqliteEventStore(file);
    await store.appendToStream('s-1', [{ type: 'E', data: {} }], 'no_stream');
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = new SqliteEventStore(file);
    expect(await again.readStream('s-1')).toHaveLength(1);
    await again.close();
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const file = freshPath();
    const before = writeFile(file, 'name,email\nada,ada@example.com\n'.repeat(200));
    expectClearRefusal(file, /not an SQLite database/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it("refuses another program's SQLite database and writes nothing into it", () => {
    const file = freshPath();
    writeFile(file, '');
    const foreign = new Database(file);
    foreign.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO users VALUES (1, 'a@b.c')");
    foreign.close();
    const before = readFileSync(file);
    expectClearRefusal(file, /belongs to something else.*users/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a corrupt SQLite file', () => {
    const file = freshPath();
    writeFile(file, Buffer.concat([Buffer.from('SQLite format 3\u0000', 'latin1'), Buffer.alloc(8192, 0xab)]));
    expectClearRefusal(file, /./);
  });

  it('refuses a database written by a newer schema version', () => {
    const file = freshPath();
    new SqliteEventStore(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expectClearRefusal(file, /newer/);
  });

  it('refuses a data folder that cannot be created', () => {
    const blocker = join(dir, `blocker-${++n}`);
    writeFileSync(blocker, 'a file where the folder should be');
    expectClearRefusal(join(blocker, 'events.sqlite'), /cannot be created/);
  });

  it('takes an empty file as a new store', async () => {
    const file = freshPath();
    writeFile(file, '');
    const store = new SqliteEventStore(file);
    expect(await store.headPosition()).toBe(0);
    await store.close();
  });
});
