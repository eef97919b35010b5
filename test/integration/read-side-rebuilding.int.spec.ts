import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { loadConfig } from '#runtime';
import { ProjectionProgress, ProjectionRunner, versionKey } from '#projection-runtime';
import type { RecordedEvent } from '#event-store';
import type { ProjectedEvent } from '#projections';
import { mapError } from '../../apps/api/src/http/error-mapping';
import { ReadYourWritesGuard } from '../../apps/api/src/read-side/read-your-writes';
import { appendLog, countingModel, openStores, passThrough, removeDir, type Stores, until } from './projection-support';

/** The query guard while a runner rebuilds a model that did not belong to the log, and after. */
describe('read-side guard during a rebuild', () => {
  let stores: Stores;
  let runner: ProjectionRunner | undefined;
  beforeEach(async () => (stores = await openStores()));
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    await stores.close();
    removeDir(stores.dir);
  });

  it('answers 503 PROJECTION.REBUILDING with Retry-After until the rebuild is done, then serves', async () => {
    const model = countingModel();
    await appendLog(stores.eventStore, 60);
    await stores.readStore.setCheckpoint(versionKey(model.name), model.version);
    await stores.readStore.commit({
      projection: model.name,
      checkpoint: 500,
      eventId: 'event-of-another-log',
      writes: [],
    });
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const derive = async (event: RecordedEvent): Promise<ProjectedEvent> => gate.then(() => passThrough(event));
    const runners: ProjectionRunner[] = [];
    const progress = new ProjectionProgress([model], stores.readStore, stores.eventStore, runners);
    const report = {
      onCommit: (n: string, c: number) => progress.committed(n, c),
      onResume: (n: string, c: number) => progress.resumed(n, c),
    };
    runner = new ProjectionRunner(model, {
      eventStore: stores.eventStore,
      readStore: stores.readStore,
      derive,
      log: () => undefined,
      ...report,
    });
    runners.push(runner);
    const guard = new ReadYourWritesGuard(progress, loadConfig({ DATA_DIR: stores.dir, LOG_LEVEL: 'silent' }));
    const query = () => guard.canActivate(new ExecutionContextHost([{ headers: {} }]));
    runner.start();
    await runner.whenChecked();

    const refusal = (() => {
      try {
        return query();
      } catch (error) {
        return mapError(error);
      }
    })();
    expect(refusal).toMatchObject({
      body: { statusCode: 503, code: 'PROJECTION.REBUILDING' },
      headers: { 'Retry-After': '5' },
    });
    // Health polls the store meanwhile; the foreign checkpoint must not become what read-your-writes trusts.
    expect((await progress.snapshot())[0]).toMatchObject({ state: 'rebuilding' });
    expect(progress.position(model.name)).toBe(0);

    open();
    await until('rebuilt', () => runner!.status.state === 'live');
    expect(await query()).toBe(true);
    expect((await progress.snapshot())[0]).toMatchObject({ state: 'live', checkpoint: 60, lagEvents: 0 });
    expect(progress.reached(61)).toBe(false);
  });

  it('asks no runner for its status per query: the runners tell progress when their state changes', async () => {
    const model = countingModel();
    await appendLog(stores.eventStore, 30);
    runner = new ProjectionRunner(model, {
      eventStore: stores.eventStore,
      readStore: stores.readStore,
      derive: passThrough,
      log: () => undefined,
    });
    const progress = new ProjectionProgress([model], stores.readStore, stores.eventStore, [runner]);
    const guard = new ReadYourWritesGuard(progress, loadConfig({ DATA_DIR: stores.dir, LOG_LEVEL: 'silent' }));
    const query = () => guard.canActivate(new ExecutionContextHost([{ headers: {} }]));
    runner.start();
    await until('live', () => runner!.status.state === 'live');
    expect(query()).toBe(true);
    const statusReads = jest.spyOn(runner, 'status', 'get');
    for (let i = 0; i < 1_000; i++) expect(query()).toBe(true);
    expect(statusReads).not.toHaveBeenCalled();
    await runner.stop();
    // Stopped here: the model is now another process's, and progress works the answer out again.
    expect(query()).toBe(true);
    expect(statusReads).toHaveBeenCalled();
  });

  it('takes a lower stored checkpoint of a model run elsewhere as it is (another process rebuilt it against this log)', async () => {
    const model = countingModel();
    const progress = new ProjectionProgress([model], stores.readStore, stores.eventStore);
    await stores.readStore.commit({
      projection: model.name,
      checkpoint: 500,
      eventId: 'event-of-another-log',
      writes: [],
    });
    await progress.refresh();
    expect(progress.position(model.name)).toBe(500);
    await stores.readStore.setCheckpoint(model.name, 60);
    await progress.refresh();
    expect(progress.position(model.name)).toBe(60);
    expect(progress.reached(61)).toBe(false);
  });
});
