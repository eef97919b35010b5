import type Database from 'better-sqlite3';
import { configureSqlite, openSqliteFile } from '#sqlite';
import { KeyVaultError } from '../errors';
import { migrate, OWN_TABLES, SCHEMA_VERSION, tableNames } from './schema';

function unavailable(file: string, problem: string): KeyVaultError {
  return new KeyVaultError(
    `Cannot open the key vault ${file}: ${problem}. Set DATA_DIR to a writable folder holding only Privacy Ledger data.`,
    'DATA_DIR',
  );
}

/** Read-only checks first, so a foreign database is never written to. */
function checkSchema(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = tableNames(db);
  const foreign = tables.filter((t) => !(OWN_TABLES as readonly string[]).includes(t));
  if (foreign.length > 0)
    throw unavailable(file, `the database belongs to something else (tables: ${foreign.join(', ')})`);
  if (version > SCHEMA_VERSION)
    throw unavailable(file, `its schema version ${version} is newer than this program's ${SCHEMA_VERSION}`);
}

function configure(db: Database.Database): void {
  // A destroyed key's bytes must not linger in free space (Art. 17).
  configureSqlite(db, { secureDelete: true });
  // Keys are stored under random subject ids: a larger cache and rarer checkpoints keep a bulk
  // import's inserts from rewriting the same pages (see the event store). An erasure still
  // truncates the WAL at once (destroyDataKeys), so a destroyed key never waits for a checkpoint.
  db.pragma('cache_size = -32768');
  db.pragma('wal_autocheckpoint = 8000');
}

/** Opens (creating if needed) `<DATA_DIR>/keys.sqlite`, or throws KeyVaultError naming DATA_DIR. */
export function openVaultDatabase(file: string): Database.Database {
  return openSqliteFile(file, {
    unavailable: (problem) => unavailable(file, problem),
    errorType: KeyVaultError,
    prepare: (db) => {
      checkSchema(db, file);
      configure(db);
      migrate(db);
    },
  });
}
