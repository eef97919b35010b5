import { ProjectionProgress, ProjectionRunner, type RunnerDeps } from '#projection-runtime';
import { type RecordedEvent, SqliteEventStore } from '#event-store';
import type { ProjectedEvent } from '#projections';
import { join } from 'node:path';
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

/**
 * A read store beside a log it was not built from (a restored older log, a truncated one, another
 * log altogether): the runner must rebuild it from the log before it is served, never resume from
 * a checkpoint the log's new events would fall under.
 */
let stores: Stores;
let otherLog: SqliteEventStore;
const runners: ProjectionRunner[] = [];
const model = countingModel();

beforeEach(async () => {
  stores = await openStores();
  otherLog = new SqliteEventStore(join(stores.dir, 'other-events.sqlite'));
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  await otherLog.close();
  await stores.close();
  removeDir(stores.dir);
});

function run(eventStore: SqliteEventStore, extra: Partial<RunnerDeps> = {}): ProjectionRunner {
  const runner = new ProjectionRunner(
    model,
    { eventStore, readStore: stores.readStore, derive: passThrough, log: () => undefined, ...extra },
    { batchSize: 50, retryMs: 20, maxRetryMs: 100 },
  );
  runners.push(runner);
  runner.start();
  return runner;
}

async function buildOn(eventStore: SqliteEventStore): Promise<void> {
  const runner = run(eventStore);
  const head = await eventStore.headPosition();
  await until('first build', () => runner.status.checkpoint >= head);
  await runner.stop();
}

async function countsOf(eventStore: SqliteEventStore): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const e of await eventStore.readAll())
    if (e.stream.startsWith('counted-')) counts[e.stream] = (counts[e.stream] ?? 0) + 1;
  return counts;
}

async function storedCounts(): Promise<Record<string, number>> {
  return Object.fromEntries((await documents(stores.readStore)).map((d) => [d.id, d.doc.count as number]));
}

/** Holds every derive until `release`: the rebuild can be watched while it runs. */
function gatedDerive() {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const derive = async (event: RecordedEvent): Promise<ProjectedEvent> => {
    await gate;
    return passThrough(event);
  };
  return { derive, release: () => open() };
}

describe('ProjectionRunner beside a log its read model was not built from', () => {
  it('rebuilds a model whose checkpoint is beyond the log head, reports it as rebuilding meanwhile, then follows new events', async () => {
    await appendLog(stores.eventStore, 300);
    await buildOn(stores.eventStore);
    await appendLog(otherLog, 100);
    const warnings: string[] = [];
    const { derive, release } = gatedDerive();
    const runner = run(otherLog, { derive, warn: (line) => warnings.push(line) });
    const progress = new ProjectionProgress([model], stores.readStore, otherLog, [runner]);
    await runner.whenChecked();
    expect(runner.status.state).toBe('rebuilding');
    expect(progress.rebuilding()).toEqual([model.name]);
    expect(warnings).toEqual([expect.stringContaining("checkpoint 300 is beyond the log's head 100")]);
    release();
    await until('rebuilt', () => runner.status.state === 'live');
    expect(progress.rebuilding()).toEqual([]);
    expect(await storedCounts()).toEqual(await countsOf(otherLog));
    // New events take positions the old read model had passed; none may be skipped.
    await otherLog.appendToStream('counted-after-restore', [{ type: 'Counted0', data: {} }], 'no_stream');
    await until(
      'new event',
      async () => (await stores.readStore.get('stream_counts', 'counted-after-restore')) !== undefined,
    );
    expect(await storedCounts()).toEqual(await countsOf(otherLog));
  });

  it('rebuilds a model when the event at its checkpoint is another one', async () => {
    await appendLog(stores.eventStore, 300);
    await buildOn(stores.eventStore);
    await appendLog(otherLog, 400, 3);
    const warnings: string[] = [];
    const runner = run(otherLog, { warn: (line) => warnings.push(line) });
    await until('rebuilt', async () => runner.status.state === 'live' && runner.status.checkpoint === 400);
    expect(warnings).toEqual([
      expect.stringMatching(/the event at checkpoint 300 is \S+, the checkpoint recorded \S+/),
    ]);
    expect(await storedCounts()).toEqual(await countsOf(otherLog));
    expect(await stores.readStore.getCheckpointMark(model.name)).toEqual({
      position: 400,
      eventId: (await otherLog.readAll({ after: 399 }))[0]!.id,
    });
  });

  it('rebuilds a model whose checkpoint was stored without an event id', async () => {
    await appendLog(stores.eventStore, 120);
    await buildOn(stores.eventStore);
    await stores.readStore.setCheckpoint(model.name, 120);
    const warnings: string[] = [];
    const runner = run(stores.eventStore, { warn: (line) => warnings.push(line) });
    await until('rebuilt', async () => runner.status.state === 'live');
    expect(warnings).toEqual([expect.stringContaining('checkpoint 120 was stored without its event id')]);
    expect(await storedCounts()).toEqual(await countsOf(stores.eventStore));
  });

  it('resumes a model that belongs to the log without rebuilding it', async () => {
    await appendLog(stores.eventStore, 300);
    await buildOn(stores.eventStore);
    const beginRebuild = jest.spyOn(stores.readStore, 'beginRebuild');
    const warnings: string[] = [];
    const runner = run(stores.eventStore, { warn: (line) => warnings.push(line) });
    await runner.whenChecked();
    await until('live', () => runner.status.state === 'live');
    expect(beginRebuild).not.toHaveBeenCalled();
    expect(warnings).toEqual([]);
  });
});
