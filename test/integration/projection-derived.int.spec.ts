import { liveTarget, projectBatch, rebuildModel } from '#projection-runtime';
import type { ReadModel } from '#projections';
import { appendLog, countingModel, documents, passThrough, storesPerTest } from './projection-support';

const stores = storesPerTest();

const ROWS = 'stream_count_rows';

/** The counting model with a compact copy of each document: only its count. */
const withRows = (): ReadModel =>
  countingModel({
    collections: ['stream_counts', ROWS],
    derived: [{ collection: ROWS, from: 'stream_counts', derive: (doc) => ({ count: doc.count }) }],
  });

const byId = async (collection: string) =>
  Object.fromEntries((await documents(stores().readStore, collection)).map((d) => [d.id, [d.doc.count, d.position]]));

describe('derived collections', () => {
  it('are written in the commit of their documents, with the same position, and deleted with them', async () => {
    await appendLog(stores().eventStore, 120, 3);
    await stores().eventStore.appendToStream('counted-1', [{ type: 'Reset', data: {} }], 'any');
    const model = withRows();
    const log = await stores().eventStore.readAll();
    await projectBatch(stores().readStore, model, liveTarget(model), passThrough, log.slice(0, 60));
    expect(await byId(ROWS)).toEqual(await byId('stream_counts'));
    await projectBatch(stores().readStore, model, liveTarget(model), passThrough, log.slice(60));
    expect(Object.keys(await byId(ROWS)).sort()).toEqual(['counted-0', 'counted-2']);
    expect(await byId(ROWS)).toEqual(await byId('stream_counts'));
  });

  it('are written again when a replayed batch finds the document without its copy (no transaction)', async () => {
    await appendLog(stores().eventStore, 100, 2);
    const log = await stores().eventStore.readAll();
    const plain = countingModel();
    await projectBatch(stores().readStore, plain, liveTarget(plain), passThrough, log);
    await stores().readStore.setCheckpoint('stream_counts', 0);
    const model = withRows();
    await projectBatch(stores().readStore, model, liveTarget(model), passThrough, log);
    expect(await byId(ROWS)).toEqual(await byId('stream_counts'));
  });

  it('are rebuilt with their model', async () => {
    const head = await appendLog(stores().eventStore, 900, 5);
    const model = withRows();
    const deps = { eventStore: stores().eventStore, readStore: stores().readStore, derive: passThrough };
    await projectBatch(stores().readStore, model, liveTarget(model), passThrough, await stores().eventStore.readAll());
    const live = await byId(ROWS);
    await rebuildModel(deps, model, { batchSize: 200 });
    expect(await stores().readStore.getCheckpoint('stream_counts')).toBe(head);
    expect(await byId(ROWS)).toEqual(live);
  });
});
