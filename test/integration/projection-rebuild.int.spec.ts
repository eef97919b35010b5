import { REPLAY_COMMIT_EVENTS, rebuildModel, rebuildModels, type ReplayProgress } from '#projection-runtime';
import type { WriteBatch } from '#read-store';
import {
  appendLog,
  countingModel,
  documents,
  openStores,
  passThrough,
  removeDir,
  type Stores,
} from './projection-support';

let stores: Stores;

beforeEach(async () => (stores = await openStores()));
afterEach(async () => {
  await stores.close();
  removeDir(stores.dir);
});

/** The counts the model must hold, computed from the log apart from the engine. */
async function expectedCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const e of await stores.eventStore.readAll())
    if (e.stream.startsWith('counted-')) counts[e.stream] = (counts[e.stream] ?? 0) + 1;
  return counts;
}

describe('rebuildModel on the SQLite stores', () => {
  /** Checkpoints of the commits made to the read store from now on. */
  function recordCommits(): number[] {
    const commits: number[] = [];
    const commit = stores.readStore.commit.bind(stores.readStore);
    stores.readStore.commit = async (batch: WriteBatch) => {
      commits.push(batch.checkpoint);
      return commit(batch);
    };
    return commits;
  }

  it('writes documents that fit its budget once, at the end, and reports progress per page', async () => {
    const head = await appendLog(stores.eventStore, REPLAY_COMMIT_EVENTS + 1_500);
    const commits = recordCommits();
    const progress: ReplayProgress[] = [];
    const deps = { eventStore: stores.eventStore, readStore: stores.readStore, derive: passThrough };
    const summary = await rebuildModel(deps, countingModel(), { batchSize: 500, onProgress: (p) => progress.push(p) });
    expect(summary.checkpoint).toBe(head);
    expect(commits).toEqual([head]);
    expect(progress.map((p) => p.events)).toEqual(Array.from({ length: 13 }, (_, i) => (i + 1) * 500));
    const counts = await expectedCounts();
    expect(Object.fromEntries((await documents(stores.readStore)).map((d) => [d.id, d.doc.count]))).toEqual(counts);
    expect(await stores.readStore.getCheckpoint('stream_counts')).toBe(head);
    // The staged collection's index, built at the swap, answers like one kept per write.
    const [stream, count] = Object.entries(counts)[0]!;
    const found = await stores.readStore.find('stream_counts', { count });
    expect(found.items.map((d) => d.id)).toContain(stream);
  });

  it('writes whenever the budget of held documents is reached, and the result is the same', async () => {
    const head = await appendLog(stores.eventStore, 2 * REPLAY_COMMIT_EVENTS + 1_500);
    const commits = recordCommits();
    const deps = { eventStore: stores.eventStore, readStore: stores.readStore, derive: passThrough };
    await rebuildModel(deps, countingModel(), { batchSize: 500, maxDocuments: 3 });
    expect(commits).toHaveLength(3);
    expect(commits[commits.length - 1]).toBe(head);
    expect(Object.fromEntries((await documents(stores.readStore)).map((d) => [d.id, d.doc.count]))).toEqual(
      await expectedCounts(),
    );
  });

  it('feeds several models from one read of the log, each as a rebuild of its own would', async () => {
    const head = await appendLog(stores.eventStore, 2_000);
    const pages: number[] = [];
    const readAll = stores.eventStore.readAll.bind(stores.eventStore);
    stores.eventStore.readAll = async (options) => {
      pages.push(options?.after ?? 0);
      return readAll(options);
    };
    const derived: number[] = [];
    const derive = async (e: Parameters<typeof passThrough>[0]) => (derived.push(e.position), passThrough(e));
    const deps = { eventStore: stores.eventStore, readStore: stores.readStore, derive };
    const twin = countingModel({
      name: 'stream_counts_twin',
      collections: ['stream_counts_twin'],
      indexes: [],
      keysOf: (event) => [{ collection: 'stream_counts_twin', id: event.stream }],
    });
    const summaries = await rebuildModels(deps, [countingModel(), twin], { batchSize: 500 });
    expect(summaries.map((s) => [s.name, s.checkpoint])).toEqual([
      ['stream_counts', head],
      ['stream_counts_twin', head],
    ]);
    // Four pages and two empty reads (end of the commit's pages, end of the log) for both models,
    // then one empty catch-up read per model; a rebuild per model would read 12 times.
    expect(pages).toHaveLength(8);
    expect(pages.filter((after) => after === 0)).toHaveLength(1);
    expect(new Set(derived).size).toBe(derived.length);
    const counts = await expectedCounts();
    for (const collection of ['stream_counts', 'stream_counts_twin'])
      expect(
        Object.fromEntries((await documents(stores.readStore, collection)).map((d) => [d.id, d.doc.count])),
      ).toEqual(counts);
  });
});
