import { RebuildNotCaughtUpError, stagedName, type ReadModelSpec } from '#read-store';
import { batch, dump, put, unique, type StoreGetter } from './read-store.helpers';

function model(): ReadModelSpec {
  const [profiles, stats] = [unique('p'), unique('s')];
  return {
    projection: unique('proj'),
    collections: [profiles, stats],
    indexes: [{ collection: profiles, fields: ['lookupKeys'] }],
  };
}

export function rebuildContract(store: StoreGetter): void {
  describe('rebuild into fresh collections', () => {
    it('builds beside the live model and swaps it in with its checkpoint', async () => {
      const m = model();
      const [profiles, stats] = m.collections as [string, string];
      await store().ensureIndexes(m.indexes);
      await store().commit(
        batch(m.projection, [put(profiles, 'old', { lookupKeys: ['k'] }, 3), put(stats, 'total', { n: 1 }, 3)], 10),
      );
      const staged = await store().beginRebuild(m);
      expect(staged.projection).toBe(stagedName(m.projection));
      expect(staged.collections).toEqual([stagedName(profiles), stagedName(stats)]);
      await store().commit(batch(staged.projection, [put(staged.collections[0]!, 'new', { lookupKeys: ['k'] }, 4)], 8));
      await expect(store().swapRebuild(m)).rejects.toBeInstanceOf(RebuildNotCaughtUpError);
      expect(Object.keys(await dump(store(), profiles))).toEqual(['old']);
      await store().commit(batch(staged.projection, [put(staged.collections[1]!, 'total', { n: 2 }, 11)], 12));
      await store().swapRebuild(m);
      expect(await dump(store(), profiles)).toEqual({ new: { lookupKeys: ['k'] } });
      expect(await dump(store(), stats)).toEqual({ total: { n: 2 } });
      expect(await store().getCheckpoint(m.projection)).toBe(12);
      expect(await store().getCheckpoint(staged.projection)).toBe(0);
      expect(await store().count(staged.collections[0]!)).toBe(0);
      expect(await store().explain(profiles, { lookupKeys: 'k' })).toEqual({ index: 'lookupKeys' });
    });

    it('swaps in collections the replay never wrote, and can run again', async () => {
      const m = model();
      await store().ensureIndexes(m.indexes);
      await store().commit(batch(m.projection, [put(m.collections[0]!, 'a', { lookupKeys: ['x'] }, 1)], 2));
      for (const round of [1, 2]) {
        const staged = await store().beginRebuild(m);
        await store().commit(
          batch(staged.projection, [put(staged.collections[0]!, `r${round}`, { lookupKeys: ['x'] }, 1)], 2),
        );
        await store().swapRebuild(m);
        expect((await store().find(m.collections[0]!, { lookupKeys: 'x' })).items.map((d) => d.id)).toEqual([
          `r${round}`,
        ]);
        expect(await store().count(m.collections[1]!)).toBe(0);
      }
    });

    it('starts each rebuild from empty staging collections', async () => {
      const m = model();
      const first = await store().beginRebuild(m);
      await store().commit(batch(first.projection, [put(first.collections[0]!, 'abandoned', {}, 1)], 5));
      const second = await store().beginRebuild(m);
      expect(await store().count(second.collections[0]!)).toBe(0);
      expect(await store().getCheckpoint(second.projection)).toBe(0);
    });
  });
}
