import { ProjectionLease, ProjectionProgress, ProjectionRunner, type RunnerDeps } from '#projection-runtime';
import type { ReadModel } from '#projections';
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

let stores: Stores;
const runners: ProjectionRunner[] = [];
const silent = () => undefined;

beforeEach(async () => (stores = await openStores()));
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  await stores.close();
  removeDir(stores.dir);
});

function deps(extra: Partial<RunnerDeps> = {}): RunnerDeps {
  return { eventStore: stores.eventStore, readStore: stores.readStore, derive: passThrough, log: silent, ...extra };
}

function run(model: ReadModel, extra: Partial<RunnerDeps> = {}, batchSize = 100): ProjectionRunner {
  const runner = new ProjectionRunner(model, deps(extra), { batchSize, retryMs: 20, maxRetryMs: 100 });
  runners.push(runner);
  runner.start();
  return runner;
}

/** What the counting model must hold: computed from the log, independently of the runner. */
async function expectedCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const e of await stores.eventStore.readAll())
    if (e.stream.startsWith('counted-')) counts[e.stream] = (counts[e.stream] ?? 0) + 1;
  return counts;
}

async function storedCounts(): Promise<Record<string, number>> {
  return Object.fromEntries((await documents(stores.readStore)).map((d) => [d.id, d.doc.count as number]));
}

async function caughtUp(runner: ProjectionRunner): Promise<void> {
  const head = await stores.eventStore.headPosition();
  await until(`checkpoint ${head}`, () => runner.status.checkpoint >= head);
}

describe('ProjectionRunner on the SQLite stores', () => {
  it('catches up with the log, then follows new events live', async () => {
    await appendLog(stores.eventStore, 1000);
    const runner = run(countingModel());
    await caughtUp(runner);
    expect(await storedCounts()).toEqual(await expectedCounts());
    await stores.eventStore.appendToStream(
      'counted-new',
      [
        { type: 'Counted0', data: {} },
        { type: 'Counted1', data: {} },
      ],
      'no_stream',
    );
    await caughtUp(runner);
    expect((await stores.readStore.get('stream_counts', 'counted-new'))?.doc).toEqual({
      stream: 'counted-new',
      count: 2,
      types: ['Counted0', 'Counted1'],
    });
    expect(runner.status.state).toBe('live');
  });

  it('commits in batches of at most batchSize events, each with its checkpoint', async () => {
    await appendLog(stores.eventStore, 1000);
    const commit = jest.spyOn(stores.readStore, 'commit');
    const runner = run(countingModel(), {}, 120);
    await caughtUp(runner);
    const checkpoints = commit.mock.calls.map(([batch]) => batch.checkpoint);
    expect(checkpoints.length).toBeGreaterThanOrEqual(Math.ceil(1000 / 120));
    checkpoints.forEach((c, i) => expect(c - (checkpoints[i - 1] ?? 0)).toBeLessThanOrEqual(120));
    expect(await stores.readStore.getCheckpoint('stream_counts')).toBe(1000);
  });

  it('is idempotent: replaying the whole log over its own documents changes nothing', async () => {
    await appendLog(stores.eventStore, 600);
    const first = run(countingModel());
    await caughtUp(first);
    await first.stop();
    const before = await documents(stores.readStore);
    await stores.readStore.setCheckpoint('stream_counts', 0);
    const second = run(countingModel());
    await caughtUp(second);
    expect(await documents(stores.readStore)).toEqual(before);
  });

  it('moves its checkpoint over events its filter skips', async () => {
    await appendLog(stores.eventStore, 100);
    const runner = run(countingModel());
    await caughtUp(runner);
    const before = await documents(stores.readStore);
    const head = await appendLog(stores.eventStore, 300, 3, 'elsewhere');
    await until('checkpoint at the head', async () => (await stores.readStore.getCheckpoint('stream_counts')) === head);
    expect(await documents(stores.readStore)).toEqual(before);
  });

  it('rebuilds from position zero when the model version changes', async () => {
    await appendLog(stores.eventStore, 300);
    const v1 = run(countingModel());
    await caughtUp(v1);
    await v1.stop();
    const tenfold: ReadModel['apply'] = (doc, event) => ({
      stream: event.stream,
      count: ((doc?.count as number) ?? 0) + 10,
      types: [],
    });
    const v2 = run(countingModel({ version: 2, apply: tenfold }));
    await caughtUp(v2);
    const expected = Object.fromEntries(Object.entries(await expectedCounts()).map(([k, v]) => [k, v * 10]));
    expect(await storedCounts()).toEqual(expected);
  });

  it('keeps the other models running while one fails, and retries the failing one', async () => {
    await appendLog(stores.eventStore, 200);
    const logs: string[] = [];
    const broken = countingModel({
      name: 'broken',
      collections: ['broken'],
      indexes: [],
      keysOf: (e) => [{ collection: 'broken', id: e.stream }],
      apply: () => {
        throw new TypeError('boom');
      },
    });
    const failing = run(broken, { log: (l) => logs.push(l) });
    const healthy = run(countingModel());
    await caughtUp(healthy);
    await until('two failures', () => failing.status.failures >= 2);
    expect(failing.status).toMatchObject({
      state: expect.stringMatching(/failed|starting|catching-up/),
      checkpoint: 0,
      lastError: 'TypeError',
    });
    expect(logs.some((l) => l.includes('projection broken failed at checkpoint 0 (TypeError)'))).toBe(true);
    expect(await storedCounts()).toEqual(await expectedCounts());
  });

  it('runs one active runner per model under a lease; a standby takes over when it stops', async () => {
    await appendLog(stores.eventStore, 200);
    const lease = (owner: string) => new ProjectionLease(stores.readStore, 'stream_counts', owner, 600);
    const active = run(countingModel(), { lease: lease('a') });
    await caughtUp(active);
    const standby = run(countingModel(), { lease: lease('b') });
    await until('standby', () => standby.status.state === 'standby');
    await active.stop();
    await appendLog(stores.eventStore, 100);
    await caughtUp(standby);
    expect(await storedCounts()).toEqual(await expectedCounts());
  });

  it('waitFor resolves once every model reached the position, and false after the timeout', async () => {
    const position = await appendLog(stores.eventStore, 300);
    const model = countingModel();
    const progress = new ProjectionProgress([model], stores.readStore, stores.eventStore);
    expect(await progress.waitFor(position, 20)).toBe(false);
    const waiting = progress.waitFor(position, 5_000);
    run(model, { onCommit: (n, c) => progress.committed(n, c) });
    expect(await waiting).toBe(true);
    expect(progress.position(model.name)).toBe(position);
    expect(await progress.waitFor(position + 1, 50)).toBe(false);
  });
});
