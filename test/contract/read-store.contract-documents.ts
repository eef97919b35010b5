import { ReadStoreUsageError } from '#read-store';
import { batch, del, put, unique, utf8Sorted, type StoreGetter } from './read-store.helpers';

export function documentsContract(store: StoreGetter): void {
  describe('documents', () => {
    it('stores whole documents with the position of their last event', async () => {
      const c = unique();
      await store().commit(batch(unique(), [put(c, 'a', { n: 1, nested: { list: [1, 'two', null] } }, 5)]));
      expect(await store().get(c, 'a')).toEqual({
        id: 'a',
        doc: { n: 1, nested: { list: [1, 'two', null] } },
        position: 5,
      });
      expect(await store().get(c, 'missing')).toBeUndefined();
    });

    it('replaces a document as a whole', async () => {
      const c = unique();
      const p = unique();
      await store().commit(batch(p, [put(c, 'a', { old: true, keep: 1 }, 1)]));
      await store().commit(batch(p, [put(c, 'a', { keep: 2 }, 2)]));
      expect((await store().get(c, 'a'))?.doc).toEqual({ keep: 2 });
    });

    it('returns many documents in the order asked, leaving out missing ones', async () => {
      const c = unique();
      await store().commit(
        batch(unique(), [put(c, 'a', { v: 'a' }, 1), put(c, 'b', { v: 'b' }, 2), put(c, 'c', { v: 'c' }, 3)]),
      );
      const found = await store().getMany(c, ['c', 'nope', 'a']);
      expect(found.map((d) => d.id)).toEqual(['c', 'a']);
      expect(await store().getMany(c, [])).toEqual([]);
    });

    it('deletes documents so that no read sees them', async () => {
      const c = unique();
      const p = unique();
      await store().ensureIndexes([{ collection: c, fields: ['tag'] }]);
      await store().commit(batch(p, [put(c, 'a', { tag: 'x' }, 1), put(c, 'b', { tag: 'x' }, 2)]));
      await store().commit(batch(p, [del(c, 'a', 3)]));
      expect(await store().get(c, 'a')).toBeUndefined();
      expect(await store().getMany(c, ['a', 'b'])).toHaveLength(1);
      expect(await store().count(c)).toBe(1);
      expect(await store().count(c, { tag: 'x' })).toBe(1);
      expect((await store().find(c, { tag: 'x' })).items.map((d) => d.id)).toEqual(['b']);
    });

    it('reads an unknown collection as empty', async () => {
      const c = unique();
      expect(await store().get(c, 'a')).toBeUndefined();
      expect(await store().count(c)).toBe(0);
      expect(await store().find(c, {})).toEqual({ items: [] });
    });

    it('keeps unicode ids and values intact and orders ids by UTF-8 bytes', async () => {
      const c = unique();
      const ids = ['zeta', 'Ärger', 'é\u0301', '中文', '😀', '\uff5a', 'a b'];
      const doc = {
        name: 'Zoë Ñúñez',
        cjk: '数据保护',
        emoji: '👩‍💻🇩🇪',
        rtl: 'שלום',
        quote: '"\'\\',
        ctl: '\u0001\t\n',
      };
      await store().ensureIndexes([{ collection: c, fields: ['key'] }]);
      await store().commit(
        batch(
          unique(),
          ids.map((id, i) => put(c, id, { ...doc, key: `schlüssel-${id}` }, i + 1)),
        ),
      );
      expect((await store().get(c, '😀'))?.doc).toEqual({ ...doc, key: 'schlüssel-😀' });
      expect((await store().find(c, { key: 'schlüssel-中文' })).items.map((d) => d.id)).toEqual(['中文']);
      const first = await store().find(c, {}, { limit: 4 });
      const rest = await store().find(c, {}, { after: first.next, limit: 4 });
      expect([...first.items, ...rest.items].map((d) => d.id)).toEqual(utf8Sorted(ids));
    });

    it('stores large documents', async () => {
      const c = unique();
      const big = {
        blob: 'x'.repeat(2_000_000),
        items: Array.from({ length: 5000 }, (_, i) => ({ i, s: `item-${i}` })),
      };
      await store().commit(batch(unique(), [put(c, 'big', big, 1)]));
      expect((await store().get(c, 'big'))?.doc).toEqual(big);
    });

    it('refuses invalid names before writing anything', async () => {
      const c = unique();
      const p = unique();
      const bad = batch(p, [put(c, 'a', {}, 1), put('Bad-Name', 'b', {}, 2)]);
      await expect(store().commit(bad)).rejects.toBeInstanceOf(ReadStoreUsageError);
      await expect(store().commit(batch(p, [put(c, 'a', {}, 9)], 3))).rejects.toBeInstanceOf(ReadStoreUsageError);
      expect(await store().get(c, 'a')).toBeUndefined();
      expect(await store().getCheckpoint(p)).toBe(0);
    });

    it('reports its health', async () => {
      const health = await store().health();
      expect(health).toMatchObject({ up: true, adapter: store().adapter });
    });
  });
}
