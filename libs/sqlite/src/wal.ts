import type Database from 'better-sqlite3';

/**
 * Committed WAL frames keep the page images from before a delete (key bytes, blind-index values)
 * until they are overwritten; TRUNCATE copies the new pages into the database and empties the WAL.
 * It waits up to the busy timeout for readers. Returns false when a reader kept the WAL busy.
 */
export function truncateWal(db: Database.Database): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return !result?.busy;
}
