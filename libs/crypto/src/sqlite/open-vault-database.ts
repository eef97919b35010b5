import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { KeyVaultError } from '../errors';
import { migrate, OWN_TABLES, SCHEMA_VERSION, tableNames } from './schema';

const BUSY_TIMEOUT_MS = 5000;

function unavailable(file: string, problem: string): KeyVaultError {
  return new KeyVaultError(`Cannot open the key vault ${file}: ${problem}. Set DATA_DIR to a writable folder holding only Privacy Ledger data.`, 'DATA_DIR');
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Read-only checks first, so a foreign database is never written to. */
function checkSchema(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = tableNames(db);
  const foreign = tables.filter((t) => !(OWN_TABLES as readonly string[]).includes(t));
  if (foreign.length > 0) throw unavailable(file, `the database belongs to something else (tables: ${foreign.join(', ')})`);
  if (version > SCHEMA_VERSION) throw unavailable(file, `its schema version ${version} is newer than this program's ${SCHEMA_VERSION}`);
}

function configure(db: Database.Database): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Per connection, not stored in the file: deleted rows and freed pages are overwritten with zeros.
  db.pragma('secure_delete = ON');
  db.pragma('journal_mode = WAL');
  // A key acknowledged to a caller may already guard ciphertext in the log: losing it loses data.
  db.pragma('synchronous = FULL');
  // Keys are stored under random subject ids: a larger cache and rarer checkpoints keep a bulk
  // import's inserts from rewriting the same pages (see the event store). An erasure still
  // truncates the WAL at once (destroyDataKeys), so a destroyed key never waits for a checkpoint.
  db.pragma('cache_size = -32768');
  db.pragma('wal_autocheckpoint = 8000');
}

/** Opens (creating if needed) `<DATA_DIR>/keys.sqlite`, or throws KeyVaultError naming DATA_DIR. */
export function openVaultDatabase(file: string): Database.Database {
  let db: Database.Database;
  try {
    mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw unavailable(file, reason(err));
  }
  try {
    checkSchema(db, file);
    configure(db);
    if (db.pragma('secure_delete', { simple: true }) !== 1) throw unavailable(file, 'this SQLite build cannot turn secure_delete on');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err instanceof KeyVaultError ? err : unavailable(file, reason(err));
  }
}
