import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '#event-store';
import { READ_MODELS } from '#projections';
import { bootApp, tempDataDir, type BootedApp } from './support/boot';

/** The lowest committed checkpoint of the read models, read without yielding to the event loop. */
function lowestCheckpoint(db: Database.Database): number {
  const names = READ_MODELS.map((m) => m.name);
  const rows = db
    .prepare(`SELECT position FROM _checkpoints WHERE projection IN (${names.map(() => '?').join(',')})`)
    .pluck()
    .all(...names) as number[];
  return rows.length < names.length ? 0 : Math.min(...rows);
}

/** Holds this thread (the api's request thread) until the read models reach `position` or `ms` pass. */
function busyUntilProjected(db: Database.Database, position: number, ms: number): number {
  const until = Date.now() + ms;
  let reached = lowestCheckpoint(db);
  while (reached < position && Date.now() < until) reached = lowestCheckpoint(db);
  return reached;
}

describe('projections off the request thread by default (e2e, embedded)', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ dataDir: tempDataDir() });
  });
  afterAll(() => booted.close());

  it('keeps the read models moving while the request thread is busy', async () => {
    // Another writer of the same log (a second api, `ledger import`): the api's own store learns of
    // its commits only by polling, which cannot run while this thread is held.
    const other = new SqliteEventStore(join(booted.dataDir, 'events.sqlite'));
    const { position } = await other.appendToStream('e2e-busy-1', [{ type: 'E2eProbeRecorded', data: {} }], 'any');
    await other.close();
    const db = new Database(join(booted.dataDir, 'read.sqlite'), { readonly: true });
    try {
      expect(busyUntilProjected(db, position, 10_000)).toBeGreaterThanOrEqual(position);
    } finally {
      db.close();
    }
  });
});
