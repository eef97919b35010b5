import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore, type JsonObject, type ReadStore } from '#read-store';
import { CheckpointedCache } from './checkpointed-cache';

const MODEL = 'topics';

/** Two connections on one file: `ours` serves the cache, `other` is another process's projector. */
describe('CheckpointedCache (sqlite)', () => {
  let dir: string;
  let ours: ReadStore;
  let other: ReadStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'checkpointed-cache-'));
    ours = await SqliteReadStore.open(join(dir, 'read.sqlite'));
    other = await SqliteReadStore.open(join(dir, 'read.sqlite'));
  });
  afterEach(async () => {
    await ours.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const put = (store: ReadStore, checkpoint: number, title: string) =>
    store.commit({
      projection: MODEL,
      checkpoint,
      writes: [{ kind: 'put', collection: MODEL, id: 'promo', doc: { title }, position: checkpoint }],
    });
  const countingLoader = () => {
    const loader = jest.fn(async (id: string) => (await ours.get<JsonObject>(MODEL, id))?.doc);
    return loader;
  };

  it('reads a document once while the checkpoint stands', async () => {
    await put(ours, 1, 'first');
    const cache = new CheckpointedCache<JsonObject>(ours, MODEL, 10);
    const load = countingLoader();
    expect(await cache.get('promo', load)).toEqual({ title: 'first' });
    expect(await cache.get('promo', load)).toEqual({ title: 'first' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('notices a commit by another writer at the next call', async () => {
    await put(ours, 1, 'first');
    const cache = new CheckpointedCache<JsonObject>(ours, MODEL, 10);
    const load = countingLoader();
    await cache.get('promo', load);
    await put(other, 2, 'second');
    expect(await cache.get('promo', load)).toEqual({ title: 'second' });
  });

  it('forgets everything when a reset moves the checkpoint back', async () => {
    await put(ours, 5, 'first');
    const cache = new CheckpointedCache<JsonObject>(ours, MODEL, 10);
    await cache.get('promo', countingLoader());
    await other.reset({ projection: MODEL, collections: [MODEL], indexes: [] });
    expect(await cache.get('promo', countingLoader())).toBeUndefined();
  });

  it('does not keep a value loaded while another call saw a newer checkpoint', async () => {
    await put(ours, 1, 'first');
    const cache = new CheckpointedCache<JsonObject>(ours, MODEL, 10);
    const slow = jest.fn(async (id: string) => {
      const doc = (await ours.get<JsonObject>(MODEL, id))?.doc;
      await put(other, 2, 'second');
      await cache.get('promo', countingLoader());
      return doc;
    });
    expect(await cache.get('promo', slow)).toEqual({ title: 'first' });
    const load = countingLoader();
    expect(await cache.get('promo', load)).toEqual({ title: 'second' });
    expect(load).not.toHaveBeenCalled();
  });

  it('stays within its capacity, dropping the oldest entry first', async () => {
    await ours.commit({
      projection: MODEL,
      checkpoint: 3,
      writes: ['a', 'b', 'c'].map(
        (id, i) => ({ kind: 'put', collection: MODEL, id, doc: { id }, position: i + 1 }) as const,
      ),
    });
    const cache = new CheckpointedCache<JsonObject>(ours, MODEL, 2);
    const load = countingLoader();
    for (const id of ['a', 'b', 'c', 'c', 'b', 'a']) await cache.get(id, load);
    expect(load.mock.calls.map(([id]) => id)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('notices a rebuild against another log that ends at the same position', async () => {
    await ours.commit({
      projection: MODEL,
      checkpoint: 5,
      eventId: 'old-log-5',
      writes: [{ kind: 'put', collection: MODEL, id: 'promo', doc: { title: 'old log' }, position: 5 }],
    });
    const cache = new CheckpointedCache<JsonObject>(ours, MODEL, 10);
    const load = countingLoader();
    await cache.get('promo', load);
    const spec = { projection: MODEL, collections: [MODEL], indexes: [] };
    const staged = await other.beginRebuild(spec);
    await other.commit({
      projection: staged.projection,
      checkpoint: 5,
      eventId: 'new-log-5',
      writes: [
        { kind: 'put', collection: staged.collections[0]!, id: 'promo', doc: { title: 'new log' }, position: 5 },
      ],
    });
    await other.swapRebuild(spec, { replace: true });
    expect(await cache.get('promo', load)).toEqual({ title: 'new log' });
  });

  it('reads the checkpoint again only after a write, on this connection or another', async () => {
    await put(ours, 1, 'first');
    const cache = new CheckpointedCache<JsonObject>(ours, MODEL, 10);
    const marks = jest.spyOn(ours, 'getCheckpointMark');
    const load = countingLoader();
    for (let i = 0; i < 3; i++) expect(await cache.get('promo', load)).toEqual({ title: 'first' });
    expect(marks).toHaveBeenCalledTimes(1);
    await put(other, 2, 'second');
    expect(await cache.get('promo', load)).toEqual({ title: 'second' });
    await put(ours, 3, 'third');
    expect(await cache.get('promo', load)).toEqual({ title: 'third' });
    expect(await cache.get('promo', load)).toEqual({ title: 'third' });
    expect(marks).toHaveBeenCalledTimes(3);
    expect(load).toHaveBeenCalledTimes(3);
  });
});
