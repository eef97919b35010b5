import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, SqliteEventStore } from '#event-store';
import { SqliteReadStore, type StoredDocument } from '#read-store';
import { readAllDocuments } from '#projection-runtime';
import type { ProjectedEvent, ReadModel } from '#projections';

type Counts = { stream: string; count: number; types: string[] };

/** A small read model for the engine's tests: per stream, how many `Counted*` events it holds. */
export function countingModel(overrides: Partial<ReadModel> = {}): ReadModel {
  const model: ReadModel<Counts> = {
    name: 'stream_counts',
    version: 1,
    collections: ['stream_counts'],
    indexes: [{ collection: 'stream_counts', fields: ['count'] }],
    filter: { streamPrefixes: ['counted-'] },
    keysOf: (event: ProjectedEvent) => [{ collection: 'stream_counts', id: event.stream }],
    apply: (doc, event) =>
      event.type === 'Reset'
        ? undefined
        : { stream: event.stream, count: (doc?.count ?? 0) + 1, types: [...(doc?.types ?? []), event.type].slice(-3) },
  };
  return { ...(model as unknown as ReadModel), ...overrides };
}

export const passThrough = async (event: RecordedEvent): Promise<ProjectedEvent> => ({ ...event, derived: {} });

export interface Stores {
  dir: string;
  eventStore: SqliteEventStore;
  readStore: SqliteReadStore;
  close(): Promise<void>;
}

export async function openStores(dir = mkdtempSync(join(tmpdir(), 'ledger-proj-'))): Promise<Stores> {
  const eventStore = new SqliteEventStore(join(dir, 'events.sqlite'));
  const readStore = await SqliteReadStore.open(join(dir, 'read.sqlite'));
  return {
    dir,
    eventStore,
    readStore,
    close: async () => {
      await eventStore.close();
      await readStore.close();
    },
  };
}

/** Fresh stores for every test of the calling suite, closed and removed after each. */
export function storesPerTest(): () => Stores {
  let stores: Stores | undefined;
  beforeEach(async () => (stores = await openStores()));
  afterEach(async () => {
    await stores!.close();
    removeDir(stores!.dir);
  });
  return () => stores!;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** `count` events over `streams` streams, plus one unrelated event every tenth, in few appends. */
export async function appendLog(
  store: SqliteEventStore,
  count: number,
  streams = 7,
  prefix = 'counted',
): Promise<number> {
  let position = 0;
  for (let i = 0; i < count; i += 50) {
    const n = Math.min(50, count - i);
    const stream = `${prefix}-${(i / 50) % streams}`;
    const events = Array.from({ length: n }, (_, k) => ({
      type: (i + k) % 10 === 9 ? 'Other' : `Counted${(i + k) % 3}`,
      data: { i: i + k },
    }));
    position = (await store.appendToStream(stream, events, 'any')).position;
  }
  return position;
}

export async function documents(store: SqliteReadStore, collection = 'stream_counts'): Promise<StoredDocument[]> {
  return readAllDocuments(store, collection);
}

export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
