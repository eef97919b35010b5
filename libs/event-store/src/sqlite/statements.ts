import type Database from 'better-sqlite3';

/** A row of `events` as selected by EVENT_COLUMNS. */
export interface EventRow {
  position: number;
  stream: string;
  revision: number;
  id: string;
  type: string;
  data: string;
  metadata: string;
  created: number;
}

/** What readStream needs to know before it reads: write state plus the metadata that hides events. */
export interface StreamViewRow {
  revision: number | null;
  deleted_before: number | null;
  truncate_before: number | null;
  max_count: number | null;
  max_age: number | null;
}

export const EVENT_COLUMNS = 'position, stream, revision, id, type, data, metadata, created';

/** Every fixed statement, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    begin: p('BEGIN IMMEDIATE'),
    commit: p('COMMIT'),
    rollback: p('ROLLBACK'),
    savepoint: p('SAVEPOINT item'),
    release: p('RELEASE item'),
    rollbackTo: p('ROLLBACK TO item'),
    head: p('SELECT coalesce(max(position), 0) FROM events').pluck(),
    dataVersion: p('PRAGMA data_version').pluck(),
    streamState: p('SELECT revision, deleted_before AS deletedBefore FROM streams WHERE name = ?'),
    insertEvent: p(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    upsertStream: p(
      'INSERT INTO streams (name, revision) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET revision = excluded.revision',
    ),
    markDeleted: p('UPDATE streams SET deleted_before = revision + 1 WHERE name = ?'),
    streamView: p(
      `SELECT s.revision, s.deleted_before, m.truncate_before, m.max_count, m.max_age
       FROM (SELECT ? AS name) q
       LEFT JOIN streams s ON s.name = q.name
       LEFT JOIN stream_metadata m ON m.stream = q.name`,
    ),
    readForwards: p(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE stream = ? AND revision >= ? AND created >= ? ORDER BY revision ASC LIMIT ?`,
    ),
    readBackwards: p(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE stream = ? AND revision <= ? AND revision >= ? AND created >= ? ORDER BY revision DESC LIMIT ?`,
    ),
    getMetadata: p('SELECT json FROM stream_metadata WHERE stream = ?').pluck(),
    putMetadata: p(
      `INSERT INTO stream_metadata (stream, truncate_before, max_count, max_age, json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (stream) DO UPDATE SET truncate_before = excluded.truncate_before,
         max_count = excluded.max_count, max_age = excluded.max_age, json = excluded.json`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
