import type Database from 'better-sqlite3';
import { configureSqlite, openSqliteFile } from '#sqlite';
import { ReadStoreUnavailableError } from '../errors';

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

function checkOwner(db: Database.Database, file: string): void {
  const id = db.pragma('application_id', { simple: true }) as number;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  if (id !== APPLICATION_ID && (id !== 0 || tables.n > 0)) {
    throw unavailable(file, 'the database belongs to something else (no Privacy Ledger read-store mark)');
  }
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

export interface ReadDatabaseOptions {
  /** SQLite page cache of this connection (READ_STORE_CACHE_MIB): sized to the documents a process serves. */
  cacheMib?: number;
}

export const DEFAULT_READ_CACHE_MIB = 64;

/** Opens (creating if needed) `<DATA_DIR>/read.sqlite`, or throws ReadStoreUnavailableError. */
export function openReadDatabase(file: string, options: ReadDatabaseOptions = {}): Database.Database {
  return openSqliteFile(file, {
    unavailable: (problem) => unavailable(file, problem),
    errorType: ReadStoreUnavailableError,
    prepare: (db) => {
      checkOwner(db, file);
      // The blind-index values of an erased subject must not linger in free space.
      configureSqlite(db, { secureDelete: true });
      db.pragma(`cache_size = -${Math.round((options.cacheMib ?? DEFAULT_READ_CACHE_MIB) * 1024)}`);
      initialise(db);
    },
  });
}
