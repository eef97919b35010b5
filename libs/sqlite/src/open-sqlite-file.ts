import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateFile, makePrivateFolders } from './private-files';
import { isForeignFile } from './sqlite-header';

export const BUSY_TIMEOUT_MS = 5000;

/** How one store opens its file: its own error, and what it checks and sets once SQLite has it. */
export interface SqliteFileSpec<E extends Error> {
  /** The store's own error for a problem sentence; errors of this type pass through unchanged. */
  unavailable(problem: string): E;
  readonly errorType: abstract new (...args: never[]) => E;
  /** Ownership and schema checks (read only first), pragmas, migrations; a throw closes the file. */
  prepare(db: Database.Database): void;
}

export interface SqlitePragmas {
  /** Per connection: deleted rows and freed pages are overwritten with zeros (keys, blind indexes). */
  readonly secureDelete: boolean;
}

function reason(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(err);
}

function ensureFolder<E extends Error>(file: string, spec: SqliteFileSpec<E>): void {
  const dir = dirname(file);
  try {
    makePrivateFolders(dir);
    if (!statSync(dir).isDirectory()) throw new Error('a file stands where the folder should be');
  } catch (err) {
    throw spec.unavailable(`the folder ${dir} cannot be created (${reason(err)})`);
  }
}

/** Creates the folder and a 0600 file, refuses a foreign file unopened, then lets the store prepare it. */
export function openSqliteFile<E extends Error>(file: string, spec: SqliteFileSpec<E>): Database.Database {
  ensureFolder(file, spec);
  let db: Database.Database;
  try {
    if (isForeignFile(file)) throw spec.unavailable('the file is not an SQLite database (corrupt or foreign)');
    ensurePrivateFile(file);
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw err instanceof spec.errorType ? err : spec.unavailable(reason(err));
  }
  try {
    spec.prepare(db);
    return db;
  } catch (err) {
    db.close();
    throw err instanceof spec.errorType ? err : spec.unavailable(reason(err));
  }
}

/** The pragmas every store shares; a store adds its own cache and checkpoint sizes after these. */
export function configureSqlite(db: Database.Database, pragmas: SqlitePragmas): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (pragmas.secureDelete) {
    db.pragma('secure_delete = ON');
    if (db.pragma('secure_delete', { simple: true }) !== 1)
      throw new Error('this SQLite build cannot turn secure_delete on');
  }
  db.pragma('journal_mode = WAL');
  // FULL syncs the WAL on every commit: what a store acknowledged (an append, a key that already
  // guards ciphertext, a checkpoint with its documents) survives power loss.
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
}
