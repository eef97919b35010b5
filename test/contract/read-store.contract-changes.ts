import type { ChangeKey, ReadModelSpec } from '#read-store';
import { batch, del, put, unique, type StoreGetter } from './read-store.helpers';

/** `changes`: what was written since a position, page by page, without reading the rest. */
export function changesContract(store: StoreGetter): void {
  describe('changes since a position', () => {
    async function all(collection: string, until: number, after?: ChangeKey, limit = 2): Promise<string[]> {
      const ids: string[] = [];
      let cursor = after;
      do {
        const page = await store().changes(collection, { after: cursor, until, limit });
        ids.push(...page.items.map((item) => `${item.id}@${item.position}`));
        cursor = page.next;
      } while (cursor !== undefined);
      return ids;
    }

    it('returns the documents last written in (after, until], in position then id order, across pages', async () => {
      const p = unique();
      const c = unique();
      await store().commit(batch(p, [put(c, 'b', {}, 1), put(c, 'a', {}, 2), put(c, 'c', {}, 2)], 2));
      await store().commit(batch(p, [put(c, 'b', { v: 2 }, 5), put(c, 'd', {}, 4), del(c, 'c', 5)], 5));
      expect(await all(c, 5)).toEqual(['a@2', 'd@4', 'b@5']);
      expect(await all(c, 4, { position: 2, id: 'a' })).toEqual(['d@4']);
      expect(await all(c, 5, { position: 1, id: 'b' })).toEqual(['a@2', 'd@4', 'b@5']);
      const page = await store().changes(c, { after: { position: 4, id: 'd' }, until: 5 });
      expect(page.items).toEqual([{ id: 'b', doc: { v: 2 }, position: 5 }]);
      expect(page.next).toBeUndefined();
    });

    it('resumes inside a run of equal positions', async () => {
      const p = unique();
      const c = unique();
      await store().commit(
        batch(
          p,
          ['e', 'a', 'c', 'b', 'd'].map((id) => put(c, id, {}, 3)),
        ),
      );
      expect(await all(c, 3, undefined, 2)).toEqual(['a@3', 'b@3', 'c@3', 'd@3', 'e@3']);
      expect(await all(c, 3, { position: 3, id: 'b' })).toEqual(['c@3', 'd@3', 'e@3']);
    });

    it('answers an unknown collection with nothing', async () => {
      expect(await store().changes(unique(), { until: 10 })).toEqual({ items: [] });
    });

    it('follows a rebuild: the swapped-in documents are the ones listed', async () => {
      const m: ReadModelSpec = { projection: unique('proj'), collections: [unique('c')], indexes: [] };
      const [live] = m.collections as [string];
      await store().commit(batch(m.projection, [put(live, 'old', {}, 1)]));
      const staged = await store().beginRebuild(m);
      await store().commit(batch(staged.projection, [put(staged.collections[0]!, 'new', {}, 2)]));
      await store().swapRebuild(m);
      expect(await all(live, 10)).toEqual(['new@2']);
      const again = await store().beginRebuild(m);
      expect(await all(again.collections[0]!, 10)).toEqual([]);
    });
  });
}
