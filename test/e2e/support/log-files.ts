import Database from 'better-sqlite3';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The SQLite event store's file and the companions WAL mode may leave beside it. */
const LOG_FILES = ['events.sqlite', 'events.sqlite-wal', 'events.sqlite-shm'];

/** Copies the event log of one data folder over another's, as a restore from backup does. */
export function copyLog(from: string, to: string): void {
  for (const name of LOG_FILES) {
    rmSync(join(to, name), { force: true });
    if (existsSync(join(from, name))) copyFileSync(join(from, name), join(to, name));
  }
}

/** A log that lost its tail: events after `keep` gone, stream heads consistent with what is left. */
export function truncateLog(dataDir: string, keep: number): void {
  const db = new Database(join(dataDir, 'events.sqlite'));
  db.transaction(() => {
    db.prepare('DELETE FROM events WHERE position > ?').run(keep);
    db.exec('DELETE FROM streams WHERE name NOT IN (SELECT DISTINCT stream FROM events)');
    db.exec('UPDATE streams SET revision = (SELECT max(revision) FROM events WHERE events.stream = streams.name)');
  })();
  db.close();
}

export function headOf(dataDir: string): number {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  const head = (db.prepare('SELECT coalesce(max(position), 0) AS head FROM events').get() as { head: number }).head;
  db.close();
  return head;
}
