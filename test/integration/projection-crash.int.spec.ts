import { join } from 'node:path';
import { ProjectionRunner } from '#projection-runtime';
import { SqliteReadStore } from '#read-store';
import {
  appendLog,
  countingModel,
  documents,
  openStores,
  passThrough,
  removeDir,
  type Stores,
  until,
} from './projection-support';
import { killAllChildren, spawnFixture } from './sqlite-children';

let stores: Stores;
beforeAll(async () => {
  stores = await openStores();
  await appendLog(stores.eventStore, 6000, 11);
});
afterEach(killAllChildren);
afterAll(async () => {
  await stores.close();
  removeDir(stores.dir);
});

/** The same model over the same log, without interruption, in this process. */
async function uninterrupted(readFile: string) {
  const readStore = await SqliteReadStore.open(readFile);
  const runner = new ProjectionRunner(
    countingModel(),
    { eventStore: stores.eventStore, readStore, derive: passThrough, log: () => undefined },
    { batchSize: 40 },
  );
  runner.start();
  const head = await stores.eventStore.headPosition();
  await until('uninterrupted run at the head', () => runner.status.checkpoint >= head);
  await runner.stop();
  const docs = await documents(readStore);
  await readStore.close();
  return docs;
}

describe('projection runner crash safety', () => {
  it('yields the same read model after SIGKILL in the middle of batches and a restart as an uninterrupted run', async () => {
    const eventsFile = join(stores.dir, 'events.sqlite');
    const crashedFile = join(stores.dir, 'crashed.sqlite');
    for (const after of [5, 30]) {
      const child = spawnFixture('projection-crash-child.js', [eventsFile, crashedFile, '40']);
      await child.waitFor(
        `${after} more batches`,
        (lines) => lines.filter((l) => l.startsWith('batch ')).length > after,
        15_000,
      );
      // A little further, so the kill lands at no particular point of a batch.
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 15)));
      child.process.kill('SIGKILL');
      await child.exited;
    }
    const crashedStore = await SqliteReadStore.open(crashedFile);
    const killedAt = await crashedStore.getCheckpoint('stream_counts');
    await crashedStore.close();
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(6000);

    const restart = spawnFixture('projection-crash-child.js', [eventsFile, crashedFile, '40']);
    await restart.waitFor('done', (lines) => lines.includes('done'), 15_000);
    expect(await restart.exited).toBe(0);

    const crashed = await SqliteReadStore.open(crashedFile);
    const crashedDocs = await documents(crashed);
    await crashed.close();
    expect(crashedDocs).toEqual(await uninterrupted(join(stores.dir, 'clean.sqlite')));
    expect(crashedDocs.reduce((n, d) => n + (d.doc.count as number), 0)).toBe(6000);
  });
});
