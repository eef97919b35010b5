import { ReadStoreUsageError, UniqueIndexViolationError } from '#read-store';
import { batch, put, unique, type StoreGetter } from './read-store.helpers';

export function queriesContract(store: StoreGetter): void {
  describe('indexed queries', () => {
    it('finds by a value inside an array field through its index', async () => {
      const c = unique();
      await store().ensureIndexes([{ collection: c, fields: ['lookupKeys'] }]);
      await store().commit(
        batch(unique(), [
          put(c, 's1', { lookupKeys: ['bi:aaa', 'bi:bbb'] }, 1),
          put(c, 's2', { lookupKeys: ['bi:bbb', 'bi:bbb'] }, 2),
          put(c, 's3', { lookupKeys: [] }, 3),
          put(c, 's4', { other: 'bi:bbb' }, 4),
        ]),
      );
      expect((await store().find(c, { lookupKeys: 'bi:bbb' })).items.map((d) => d.id)).toEqual(['s1', 's2']);
      expect(await store().count(c, { lookupKeys: 'bi:bbb' })).toBe(2);
      expect(await store().count(c, { lookupKeys: 'bi:zzz' })).toBe(0);
      expect(await store().explain(c, { lookupKeys: 'bi:aaa' })).toEqual({ index: 'lookupKeys' });
    });

    it('follows an update that removes a value from the array', async () => {
      const c = unique();
      const p = unique();
      await store().ensureIndexes([{ collection: c, fields: ['lookupKeys'] }]);
      await store().commit(batch(p, [put(c, 's1', { lookupKeys: ['old', 'kept'] }, 1)]));
      await store().commit(batch(p, [put(c, 's1', { lookupKeys: ['kept', 'new'] }, 2)]));
      expect(await store().count(c, { lookupKeys: 'old' })).toBe(0);
      expect((await store().find(c, { lookupKeys: 'new' })).items.map((d) => d.id)).toEqual(['s1']);
    });

    it('pages through matches in id order with an after cursor', async () => {
      const c = unique();
      await store().ensureIndexes([{ collection: c, fields: ['topic', 'channel'] }]);
      const writes = Array.from({ length: 30 }, (_, i) =>
        put(c, `id-${String(i).padStart(3, '0')}`, { topic: 'news', channel: i % 6 === 5 ? 'sms' : 'email' }, i + 1),
      );
      await store().commit(batch(unique(), writes));
      const seen: string[] = [];
      let after: string | undefined;
      const sizes: number[] = [];
      do {
        const page = await store().find(c, { channel: 'email', topic: 'news' }, { after, limit: 10 });
        seen.push(...page.items.map((d) => d.id));
        sizes.push(page.items.length);
        after = page.next;
      } while (after !== undefined);
      expect(sizes).toEqual([10, 10, 5]);
      expect(seen).toEqual(writes.filter((w) => w.kind === 'put' && w.doc.channel === 'email').map((w) => w.id));
      expect(await store().explain(c, { topic: 'news', channel: 'email' })).toEqual({ index: 'topic,channel' });
    });

    it('ends with no cursor when the last page is exactly full', async () => {
      const c = unique();
      await store().commit(batch(unique(), [put(c, 'a', {}, 1), put(c, 'b', {}, 2)]));
      const full = await store().find(c, {}, { limit: 2 });
      expect(full.items).toHaveLength(2);
      expect(full.next).toBeUndefined();
      expect((await store().find(c, {}, { limit: 1 })).next).toBe('a');
    });

    it('keeps numbers, strings and booleans apart', async () => {
      const c = unique();
      await store().ensureIndexes([{ collection: c, fields: ['v'] }]);
      await store().commit(
        batch(unique(), [put(c, 'n', { v: 1 }, 1), put(c, 's', { v: '1' }, 2), put(c, 'b', { v: true }, 3)]),
      );
      expect((await store().find(c, { v: 1 })).items.map((d) => d.id)).toEqual(['n']);
      expect((await store().find(c, { v: '1' })).items.map((d) => d.id)).toEqual(['s']);
      expect((await store().find(c, { v: true })).items.map((d) => d.id)).toEqual(['b']);
    });

    it('finds by a nested field path', async () => {
      const c = unique();
      await store().ensureIndexes([{ collection: c, fields: ['request.status'] }]);
      await store().commit(
        batch(unique(), [
          put(c, 'r1', { request: { status: 'open' } }, 1),
          put(c, 'r2', { request: { status: 'done' } }, 2),
        ]),
      );
      expect((await store().find(c, { 'request.status': 'open' })).items.map((d) => d.id)).toEqual(['r1']);
    });

    it('indexes documents stored before the index was declared', async () => {
      const c = unique();
      await store().commit(batch(unique(), [put(c, 'a', { tag: 'x' }, 1), put(c, 'b', { tag: 'y' }, 2)]));
      await store().ensureIndexes([{ collection: c, fields: ['tag'] }]);
      await store().ensureIndexes([{ collection: c, fields: ['tag'] }]);
      expect((await store().find(c, { tag: 'y' })).items.map((d) => d.id)).toEqual(['b']);
    });

    it('refuses a filter no declared index covers, and bad limits', async () => {
      const c = unique();
      await store().ensureIndexes([{ collection: c, fields: ['a', 'b'] }]);
      await expect(store().find(c, { a: 'x' })).rejects.toBeInstanceOf(ReadStoreUsageError);
      await expect(store().count(c, { zzz: 'x' })).rejects.toBeInstanceOf(ReadStoreUsageError);
      await expect(store().find(c, {}, { limit: 0 })).rejects.toBeInstanceOf(ReadStoreUsageError);
      await expect(store().find(c, {}, { limit: 1001 })).rejects.toBeInstanceOf(ReadStoreUsageError);
    });

    it('enforces a unique index across documents, not within one', async () => {
      const c = unique();
      const p = unique();
      await store().ensureIndexes([{ collection: c, fields: ['keys'], unique: true }]);
      await store().commit(
        batch(p, [
          put(c, 'a', { keys: ['k1', 'k1'] }, 1),
          put(c, 'b', { none: true }, 2),
          put(c, 'c', { none: true }, 3),
        ]),
      );
      await expect(store().commit(batch(p, [put(c, 'd', { keys: ['k2', 'k1'] }, 4)]))).rejects.toBeInstanceOf(
        UniqueIndexViolationError,
      );
      await store().commit(batch(p, [put(c, 'a', { keys: ['k2'] }, 5), put(c, 'd', { keys: ['k1'] }, 6)]));
      expect((await store().find(c, { keys: 'k1' })).items.map((d) => d.id)).toEqual(['d']);
      expect(await store().explain(c, { keys: 'k1' })).toEqual({ index: 'keys' });
    });
  });
}
