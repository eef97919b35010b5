import { RebuildNotCaughtUpError, ReadStoreUsageError, type ReadModelSpec } from '#read-store';
import { batch, dump, put, unique, type StoreGetter } from './read-store.helpers';

/** A checkpoint remembers the id of the event at its position, so a foreign log can be told apart. */
export function marksContract(store: StoreGetter): void {
  describe('checkpoint marks (position and event id)', () => {
    it('stores the event id of each batch with its checkpoint', async () => {
      const p = unique();
      expect(await store().getCheckpointMark(p)).toEqual({ position: 0 });
      await store().commit({ ...batch(p, [put(unique(), 'a', {}, 3)], 7), eventId: 'evt-7' });
      expect(await store().getCheckpointMark(p)).toEqual({ position: 7, eventId: 'evt-7' });
      await store().commit({ ...batch(p, [], 9), eventId: 'evt-9' });
      expect(await store().getCheckpointMark(p)).toEqual({ position: 9, eventId: 'evt-9' });
      expect(await store().getCheckpoint(p)).toBe(9);
    });

    it('keeps position and id together when a stale batch is refused', async () => {
      const p = unique();
      await store().commit({ ...batch(p, [], 9), eventId: 'evt-9' });
      expect(await store().commit({ ...batch(p, [], 8), eventId: 'evt-8' })).toEqual({ committed: false, written: 0 });
      expect(await store().getCheckpointMark(p)).toEqual({ position: 9, eventId: 'evt-9' });
    });

    it('forgets the id when a batch without one or setCheckpoint moves the position', async () => {
      const p = unique();
      await store().commit({ ...batch(p, [], 4), eventId: 'evt-4' });
      await store().commit(batch(p, [], 5));
      expect(await store().getCheckpointMark(p)).toEqual({ position: 5 });
      await store().commit({ ...batch(p, [], 6), eventId: 'evt-6' });
      await store().setCheckpoint(p, 2);
      expect(await store().getCheckpointMark(p)).toEqual({ position: 2 });
    });

    it('refuses an empty event id before writing anything', async () => {
      const p = unique();
      const c = unique();
      await expect(store().commit({ ...batch(p, [put(c, 'a', {}, 1)]), eventId: '' })).rejects.toBeInstanceOf(
        ReadStoreUsageError,
      );
      expect(await store().getCheckpoint(p)).toBe(0);
      expect(await store().count(c)).toBe(0);
    });

    it('swaps the staged mark in, and with replace also over a live checkpoint that is ahead', async () => {
      const m: ReadModelSpec = { projection: unique('proj'), collections: [unique('c')], indexes: [] };
      const [live] = m.collections as [string];
      await store().commit({ ...batch(m.projection, [put(live, 'foreign', {}, 50)], 50), eventId: 'other-log-50' });
      const staged = await store().beginRebuild(m);
      await store().commit({
        ...batch(staged.projection, [put(staged.collections[0]!, 'mine', {}, 7)], 7),
        eventId: 'this-log-7',
      });
      await expect(store().swapRebuild(m)).rejects.toBeInstanceOf(RebuildNotCaughtUpError);
      await store().swapRebuild(m, { replace: true });
      expect(await store().getCheckpointMark(m.projection)).toEqual({ position: 7, eventId: 'this-log-7' });
      expect(await dump(store(), live)).toEqual({ mine: {} });
      expect(await store().getCheckpointMark(staged.projection)).toEqual({ position: 0 });
    });
  });
}
