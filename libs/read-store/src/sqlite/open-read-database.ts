import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ReadStoreUnavailableError } from '../errors';

const SQLITE_HEADER = 'SQLite format 3\u0000';
const BUSY_TIMEOUT_MS = 5000;
/** 'PLRS' in PRAGMA application_id marks a file as ours; collections are dynamic, so table names cannot. */
export const APPLICATION_ID = 0x504c5253;

const BOOKKEEPING = `
  CREATE TABLE IF NOT EXISTS _checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL, event_id TEXT) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS _indexes (
    collection TEXT NOT NULL, fields TEXT NOT NULL, is_unique INTEGER NOT NULL,
    PRIMARY KEY (collection, fields)
  ) WITHOUT ROWID;
`;

function unavailable(file: string, problem: string): ReadStoreUnavailableError {
  return new ReadStoreUnavailableError(
    `Cannot open the read store ${file}: ${problem}. Set DATA_DIR to a writable folder holding only Privacy Ledger data.`,
    'DATA_DIR',
  );
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function ensureFolder(file: string): void {
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw unavailable(file, `the folder ${dir} cannot be created (${reason(err)})`);
  }
  if (!statSync(dir).isDirectory()) throw unavailable(file, `${dir} is not a folder`);
}

function readHeader(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unavailable(file, `the file cannot be read (${reason(err)})`);
  }
  try {
    const buf = Buffer.alloc(16);
    return buf.toString('latin1', 0, readSync(fd, buf, 0, 16, 0));
  } finally {
    closeSync(fd);
  }
}

/** Checked without SQLite, so a foreign file is never opened for writing. */
function checkHeader(file: string): void {
  const header = readHeader(file);
  if (header && header !== SQLITE_HEADER) throw unavailable(file, 'the file is not an SQLite database (corrupt or foreign)');
}

function checkOwner(db: Database.Database, file: string): void {
  const id = db.pragma('application_id', { simple: true }) as number;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  if (id !== APPLICATION_ID && (id !== 0 || tables.n > 0)) {
    throw unavailable(file, 'the database belongs to something else (no Privacy Ledger read-store mark)');
  }
}

function configure(db: Database.Database, file: string): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Per connection: deleted rows and freed pages are overwritten with zeros, so the blind-index
  // values of an erased subject do not linger in free space (the key vault does the same).
  db.pragma('secure_delete = ON');
  if (db.pragma('secure_delete', { simple: true }) !== 1) throw unavailable(file, 'this SQLite build cannot turn secure_delete on');
  db.pragma('journal_mode = WAL');
  // Read models can be rebuilt from the log, but a lost commit would still need a replay to heal:
  // FULL keeps the checkpoint and the documents durable together.
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
}

/** Files written before checkpoints kept their event id gain the column; their rows read as unverifiable. */
function addEventIdColumn(db: Database.Database): void {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('_checkpoints') as string[];
  if (!columns.includes('event_id')) db.exec('ALTER TABLE _checkpoints ADD COLUMN event_id TEXT');
}

function initialise(db: Database.Database): void {
  db.transaction(() => {
    db.exec(BOOKKEEPING);
    addEventIdColumn(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }).immediate();
}

/** Opens (creating if needed) `<DATA_DIR>/read.sqlite`, or throws ReadStoreUnavailableError. */
export function openReadDatabase(file: string): Database.Database {
  ensureFolder(file);
  checkHeader(file);
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw unavailable(file, reason(err));
  }
  try {
    checkOwner(db, file);
    configure(db, file);
    initialise(db);
    return db;
  } catch (err) {
    db.close();
    throw err instanceof ReadStoreUnavailableError ? err : unavailable(file, reason(err));
  }
}
