import { cpSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** A copy of a data folder with one change made directly in its SQLite event store, as an operator could. */
export function tamperedCopy(
  dataDir: string,
  scratch: string,
  name: string,
  change: (db: Database.Database) => void,
): string {
  const copy = join(scratch, name);
  cpSync(dataDir, copy, { recursive: true });
  const db = new Database(join(copy, 'events.sqlite'));
  change(db);
  db.close();
  return copy;
}
