import type Database from 'better-sqlite3';

/** Stored in PRAGMA user_version; raise it and add a step to MIGRATIONS when the schema changes. */
export const SCHEMA_VERSION = 1;

/** The tables a file of ours holds; any other table makes the file foreign. */
export const OWN_TABLES = ['events', 'streams', 'stream_metadata'] as const;

/** MIGRATIONS[n] upgrades a file from user_version n to n + 1. */
const MIGRATIONS: readonly string[] = [
  `
  -- position is the rowid: SQLite hands out max(rowid) + 1, so a rolled-back insert leaves no gap.
  CREATE TABLE events (
    position INTEGER PRIMARY KEY,
    stream   TEXT    NOT NULL,
    revision INTEGER NOT NULL,
    id       TEXT    NOT NULL,
    type     TEXT    NOT NULL,
    data     TEXT    NOT NULL,
    metadata TEXT    NOT NULL,
    created  INTEGER NOT NULL,
    UNIQUE (stream, revision)
  );
  -- revision: last revision written; deleted_before: revisions below it are soft-deleted.
  CREATE TABLE streams (
    name           TEXT PRIMARY KEY,
    revision       INTEGER NOT NULL,
    deleted_before INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  CREATE TABLE stream_metadata (
    stream          TEXT PRIMARY KEY,
    truncate_before INTEGER,
    max_count       INTEGER,
    max_age         INTEGER,
    json            TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
];

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function tableNames(db: Database.Database): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
    name: string;
  }[];
  return rows.map((r) => r.name);
}

/** Brings the file to SCHEMA_VERSION; the write lock makes two processes opening a new file at once safe. */
export function migrate(db: Database.Database): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    for (let v = schemaVersion(db); v < SCHEMA_VERSION; v++) {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
