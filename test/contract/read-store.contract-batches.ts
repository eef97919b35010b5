import { UniqueIndexViolationError } from '#read-store';
import { batch, del, dump, put, unique, type StoreGetter } from './read-store.helpers';

export function batchesContract(store: StoreGetter): void {
  describe('batches and checkpoints', () => {
    it('starts a projection at checkpoint 0 and moves it with each batch', async () => {
      const p = unique();
      const c = unique();
      expect(await store().getCheckpoint(p)).toBe(0);
      expect(await store().commit(batch(p, [put(c, 'a', {}, 3)], 7))).toEqual({ committed: true, written: 1 });
      expect(await store().getCheckpoint(p)).toBe(7);
      await store().commit(batch(p, [], 9));
      expect(await store().getCheckpoint(p)).toBe(9);
    });

    it('sets a checkpoint directly', async () => {
      const p = unique();
      await store().setCheckpoint(p, 42);
      expect(await store().getCheckpoint(p)).toBe(42);
      await store().setCheckpoint(p, 5);
      expect(await store().getCheckpoint(p)).toBe(5);
    });

    it('treats a batch at or below the checkpoint as a replay and changes nothing', async () => {
      const p = unique();
      const c = unique();
      const first = batch(p, [put(c, 'a', { v: 1 }, 4), put(c, 'b', { v: 1 }, 5)]);
      await store().commit(first);
      await store().commit(batch(p, [put(c, 'a', { v: 2 }, 6)]));
      expect(await store().commit(first)).toEqual({ committed: false, written: 0 });
      expect(await store().commit(batch(p, [put(c, 'b', { v: 9 }, 6)]))).toEqual({ committed: false, written: 0 });
      expect(await dump(store(), c)).toEqual({ a: { v: 2 }, b: { v: 1 } });
      expect(await store().getCheckpoint(p)).toBe(6);
    });

    it('skips writes older than the stored document, so a replay with other batch limits folds nothing twice', async () => {
      const p = unique();
      const c = unique();
      await store().commit(batch(unique(), [put(c, 'a', { v: 'newer' }, 8)]));
      const result = await store().commit(batch(p, [put(c, 'a', { v: 'older' }, 8), put(c, 'b', { v: 'new' }, 9)], 10));
      expect(result).toEqual({ committed: true, written: 1 });
      expect(await dump(store(), c)).toEqual({ a: { v: 'newer' }, b: { v: 'new' } });
    });

    it('moves neither documents nor checkpoint when a batch fails midway', async () => {
      const p = unique();
      const c = unique();
      await store().ensureIndexes([{ collection: c, fields: ['email'], unique: true }]);
      await store().commit(batch(p, [put(c, 'a', { email: 'a@x' }, 1)]));
      const failing = batch(p, [put(c, 'b', { email: 'b@x' }, 2), put(c, 'c', { email: 'a@x' }, 3)]);
      await expect(store().commit(failing)).rejects.toBeInstanceOf(UniqueIndexViolationError);
      expect(await store().getCheckpoint(p)).toBe(1);
      const { atomicBatches } = await store().health();
      // A standalone MongoDB has no transactions: the write before the failure may stay, and the
      // guarantee is that the replay of the corrected batch ends where an uninterrupted run would.
      if (atomicBatches) expect(await dump(store(), c)).toEqual({ a: { email: 'a@x' } });
      await store().commit(batch(p, [put(c, 'b', { email: 'b@x' }, 2), put(c, 'c', { email: 'c@x' }, 3)]));
      expect(await dump(store(), c)).toEqual({ a: { email: 'a@x' }, b: { email: 'b@x' }, c: { email: 'c@x' } });
      expect(await store().getCheckpoint(p)).toBe(3);
    });

    it('writes to several collections in one batch', async () => {
      const p = unique();
      const [c1, c2] = [unique(), unique()];
      await store().commit(batch(p, [put(c1, 'a', { n: 1 }, 1), put(c2, 'a', { n: 2 }, 2), del(c1, 'none', 2)]));
      expect((await store().get(c1, 'a'))?.doc).toEqual({ n: 1 });
      expect((await store().get(c2, 'a'))?.doc).toEqual({ n: 2 });
    });

    it('resets a projection: documents, indexes and checkpoint', async () => {
      const p = unique();
      const c = unique();
      const model = { projection: p, collections: [c], indexes: [{ collection: c, fields: ['tag'] }] };
      await store().ensureIndexes(model.indexes);
      await store().commit(batch(p, [put(c, 'a', { tag: 't' }, 1)]));
      await store().reset(model);
      expect(await store().count(c)).toBe(0);
      expect(await store().getCheckpoint(p)).toBe(0);
      await expect(store().find(c, { tag: 't' })).rejects.toThrow(/No index/);
    });
  });
}
