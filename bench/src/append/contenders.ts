import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { SqliteEventStore } from '#event-store';
import type { Appender, BenchEvent } from './workload';

/** Ours: SqliteEventStore as the api opens it (WAL, synchronous=FULL, group commit). */
export function oursAppender(dir: string): Appender {
  const store = new SqliteEventStore(join(dir, 'ours.sqlite'));
  return {
    name: 'ours',
    append: async (stream, revision, events) => {
      await store.appendToStream(stream, events, revision < 0 ? 'no_stream' : revision);
    },
    close: () => store.close(),
  };
}

/**
 * The limit: the same rows inserted with better-sqlite3 alone, same schema and durability (WAL,
 * synchronous=FULL), one transaction per append, no expected-revision check and no stream table.
 * Its group form puts the appends of all callers in one transaction: the best group commit can do.
 */
export function rawAppender(dir: string): Appender {
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL, revision INTEGER NOT NULL, id TEXT NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, created INTEGER NOT NULL, UNIQUE (stream, revision))`);
  const insert = db.prepare(
    'INSERT INTO events (position, stream, revision, id, type, data, metadata, created) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?)',
  );
  const write = (stream: string, revision: number, events: BenchEvent[]) => {
    const created = Date.now();
    events.forEach((e, k) =>
      insert.run(stream, revision + 1 + k, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), created),
    );
  };
  const one = db.transaction(write);
  const group = db.transaction((appends: ReadonlyArray<{ stream: string; revision: number; events: BenchEvent[] }>) => {
    for (const a of appends) write(a.stream, a.revision, a.events);
  });
  return {
    name: 'raw',
    append: async (stream, revision, events) => void one.immediate(stream, revision, events),
    appendGroup: async (appends) => void group.immediate(appends),
    close: async () => void db.close(),
  };
}

/** Sequential Emmett appends refused with SQLITE_BUSY and tried again (see emmettAppender). */
export const emmettRetries = { busy: 0 };

/**
 * The peer: Emmett's SQLite event store (node sqlite3, WAL, SQLite's default synchronous=FULL;
 * it opens a connection per operation). Expected versions are given, as ours are. Even one
 * caller at a time, about one append in a few hundred fails with "SQLITE_BUSY: cannot commit
 * transaction - SQL statements in progress"; such an append is tried again, as its user would
 * have to, and counted. A retry that finds the version moved means the first try had committed.
 */
export function emmettAppender(dir: string): Appender {
  mkdirSync(dir, { recursive: true });
  const store = getSQLiteEventStore({
    fileName: join(dir, 'emmett.sqlite'),
    schema: { autoMigration: 'CreateOrUpdate' },
  });
  const once = (stream: string, revision: number, events: BenchEvent[]) =>
    store.appendToStream(
      stream,
      events.map(({ type, data, metadata }) => ({ type, data, metadata })),
      { expectedStreamVersion: BigInt(revision + 1) },
    );
  return {
    name: 'emmett',
    append: async (stream, revision, events) => {
      for (let attempt = 1; ; attempt++) {
        try {
          await once(stream, revision, events);
          return;
        } catch (error) {
          if (attempt > 1 && (error as Error).constructor?.name.endsWith('ExpectedVersionConflictError')) return;
          if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 5) throw error;
          emmettRetries.busy += 1;
        }
      }
    },
    close: async () => undefined,
  };
}
