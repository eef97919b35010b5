import type Database from 'better-sqlite3';
import { configureSqlite, openSqliteFile } from '#sqlite';
import { EventStoreUnavailableError } from '../errors';
import { migrate, OWN_TABLES, SCHEMA_VERSION, schemaVersion, tableNames } from './schema';

function unavailable(file: string, problem: string): EventStoreUnavailableError {
  return new EventStoreUnavailableError(
    `Cannot open the event store ${file}: ${problem}. Set DATA_DIR to a writable folder holding only Privacy Ledger data.`,
    'DATA_DIR',
  );
}

/** Only reads: a foreign database is rejected before anything is written to it. */
function checkSchema(db: Database.Database, file: string): void {
  const version = schemaVersion(db);
  const tables = tableNames(db);
  const foreign = tables.filter((t) => !(OWN_TABLES as readonly string[]).includes(t));
  if (foreign.length > 0 || (version === 0 && tables.length > 0)) {
    throw unavailable(file, `the database belongs to something else (tables: ${tables.join(', ')})`);
  }
  if (version > SCHEMA_VERSION) {
    throw unavailable(file, `its schema version ${version} is newer than this program's ${SCHEMA_VERSION}`);
  }
}

export function configure(db: Database.Database): void {
  configureSqlite(db, { secureDelete: false });
  // Subject streams have random names, so every commit dirties pages all over the (stream,
  // revision) index. 64 MiB of page cache keeps those pages in memory at a million events, and a
  // checkpoint every 8,000 WAL pages (32 MiB, SQLite's default is 1,000) writes a page touched
  // by several commits back once: together 15% more records/s in a 1,000,000-record import.
  db.pragma('cache_size = -65536');
  db.pragma('wal_autocheckpoint = 8000');
}

/** Opens (creating if needed) the event-store file, or throws EventStoreUnavailableError. */
export function openDatabase(file: string): Database.Database {
  return openSqliteFile(file, {
    unavailable: (problem) => unavailable(file, problem),
    errorType: EventStoreUnavailableError,
    prepare: (db) => {
      checkSchema(db, file);
      configure(db);
      migrate(db);
    },
  });
}
