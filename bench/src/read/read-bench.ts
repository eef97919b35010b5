import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getSQLiteEventStore, readMessagesBatch, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import { SqliteEventStore } from '#event-store';
import type { BenchOptions } from '../options';
import type { Row } from '../report';
import { median, repeat } from '../stats';
import { benchEvents } from '../append/workload';

const STREAMS = 100;
const PER_STREAM = 1000;
const PAGE = 1000;
const TARGET_STREAM = 'subject-read-0';

interface Reader {
  readStream(): Promise<number>;
  /** Reads the whole log page by page; returns the number of events read. */
  readAll(): Promise<number>;
}

async function fillOurs(file: string): Promise<void> {
  const store = new SqliteEventStore(file);
  for (let s = 0; s < STREAMS; s++) {
    for (let part = 0; part < PER_STREAM / 250; part++) {
      await store.appendToStream(
        `subject-read-${s}`,
        benchEvents(250, part),
        part === 0 ? 'no_stream' : part * 250 - 1,
      );
    }
  }
  await store.close();
}

async function fillEmmett(file: string): Promise<void> {
  const store = getSQLiteEventStore({ fileName: file });
  for (let s = 0; s < STREAMS; s++) {
    for (let part = 0; part < PER_STREAM / 250; part++) {
      const events = benchEvents(250, part).map(({ type, data, metadata }) => ({ type, data, metadata }));
      await store.appendToStream(`subject-read-${s}`, events, { expectedStreamVersion: BigInt(part * 250) });
    }
  }
}

function oursReader(store: SqliteEventStore): Reader {
  return {
    readStream: async () => (await store.readStream(TARGET_STREAM)).length,
    readAll: async () => {
      let after = 0,
        n = 0;
      for (
        let page = await store.readAll({ after, maxCount: PAGE });
        page.length > 0;
        page = await store.readAll({ after, maxCount: PAGE })
      ) {
        n += page.length;
        after = page[page.length - 1]!.position;
      }
      return n;
    },
  };
}

/** The limit: the same rows of the same file, selected and parsed by better-sqlite3 alone. */
function rawReader(db: Database.Database): Reader {
  const byStream = db.prepare('SELECT * FROM events WHERE stream = ? ORDER BY revision');
  const page = db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?');
  const parse = (rows: Array<{ data: string; metadata: string; position: number }>) =>
    rows.map((r) => ({ ...r, data: JSON.parse(r.data), metadata: JSON.parse(r.metadata) }));
  return {
    readStream: async () => parse(byStream.all(TARGET_STREAM) as never).length,
    readAll: async () => {
      let after = 0,
        n = 0;
      for (
        let rows = parse(page.all(after, PAGE) as never);
        rows.length > 0;
        rows = parse(page.all(after, PAGE) as never)
      ) {
        n += rows.length;
        after = rows[rows.length - 1]!.position;
      }
      return n;
    },
  };
}

function emmettReader(file: string): Reader {
  const store = getSQLiteEventStore({ fileName: file });
  return {
    readStream: async () => (await store.readStream(TARGET_STREAM)).events.length,
    readAll: async () => {
      const connection = sqliteConnection({ fileName: file });
      try {
        let after = 0n,
          n = 0;
        for (;;) {
          const batch = await readMessagesBatch(connection, { after, batchSize: PAGE });
          n += batch.messages.length;
          if (batch.messages.length === 0 || !batch.areEventsLeft) return n;
          after = batch.currentGlobalPosition;
        }
      } finally {
        connection.close();
      }
    },
  };
}

/** Median milliseconds per 1,000-event stream read (20 reads a run) and events/s reading the whole log. */
async function figures(reader: Reader, runs: number): Promise<{ streamMs: number[]; allRate: number[] }> {
  const streamMs = await repeat(
    runs,
    async () => {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        if ((await reader.readStream()) !== PER_STREAM)
          throw new Error('stream read returned the wrong number of events');
        times.push(performance.now() - t);
      }
      return median(times);
    },
    true,
  );
  const allRate = await repeat(
    runs,
    async () => {
      const t = performance.now();
      const n = await reader.readAll();
      if (n !== STREAMS * PER_STREAM) throw new Error(`read-all returned ${n} events`);
      return n / ((performance.now() - t) / 1000);
    },
    true,
  );
  return { streamMs, allRate };
}

export async function readBench(options: BenchOptions, log: (line: string) => void): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-read-'));
  try {
    log(`read: filling ${STREAMS} streams of ${PER_STREAM} events in ours and in Emmett`);
    await fillOurs(join(dir, 'ours.sqlite'));
    await fillEmmett(join(dir, 'emmett.sqlite'));
    const store = new SqliteEventStore(join(dir, 'ours.sqlite'));
    const db = new Database(join(dir, 'ours.sqlite'), { readonly: true });
    log('read: measuring');
    const ours = await figures(oursReader(store), options.runs);
    const raw = await figures(rawReader(db), options.runs);
    const emmett = await figures(emmettReader(join(dir, 'emmett.sqlite')), options.runs);
    await store.close();
    db.close();
    return [
      {
        section: 'read',
        figure: 'read one 1,000-event stream (100k-event log)',
        unit: 'ms',
        ours: median(ours.streamMs),
        reference: { label: 'raw better-sqlite3', value: median(raw.streamMs) },
        peer: { label: 'Emmett SQLite', value: median(emmett.streamMs) },
        samples: ours.streamMs,
      },
      {
        section: 'read',
        figure: 'read all, pages of 1,000 (100k events)',
        unit: 'events/s',
        ours: median(ours.allRate),
        reference: { label: 'raw better-sqlite3', value: median(raw.allRate) },
        peer: { label: 'Emmett SQLite', value: median(emmett.allRate) },
        samples: ours.allRate,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
