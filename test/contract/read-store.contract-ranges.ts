import { ReadStoreUsageError, type RangeKey, type RangeQuery, type ReadStore } from '#read-store';
import { batch, put, unique, type StoreGetter } from './read-store.helpers';

async function collect(store: ReadStore, c: string, query: RangeQuery): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of store.scan(c, query)) ids.push(item.id);
  return ids;
}

/** 1,200 documents over two groups: more than one scan chunk, with equal times to test the id tie-break. */
async function seeded(store: ReadStore): Promise<{ c: string; all: string[] }> {
  const c = unique();
  await store.ensureIndexes([{ collection: c, fields: ['keys', 'at'] }]);
  const docs = Array.from({ length: 1200 }, (_, i) => ({
    id: `d${String(1199 - i).padStart(4, '0')}`,
    at: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`,
    keys: ['all', i % 3 === 0 ? 'three' : 'other'],
  }));
  await store.commit(
    batch(
      unique(),
      docs.map(({ id, ...doc }, i) => put(c, id, doc, i + 1)),
    ),
  );
  const all = docs.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)).map((d) => d.id);
  return { c, all };
}

export function rangesContract(store: StoreGetter): void {
  describe('range scans', () => {
    const q = (equal: Record<string, string>, extra: Partial<RangeQuery> = {}): RangeQuery => ({
      fields: ['keys', 'at'],
      equal,
      ...extra,
    });

    it('streams every match in (value, id) order across chunks', async () => {
      const { c, all } = await seeded(store());
      expect(await collect(store(), c, q({ keys: 'all' }))).toEqual(all);
      expect(await collect(store(), c, q({ keys: 'three' }))).toHaveLength(400);
    });

    it('keeps to inclusive bounds on the last field', async () => {
      const { c } = await seeded(store());
      const ids = await collect(store(), c, q({ keys: 'all' }, { from: '2026-01-02', to: '2026-01-03' }));
      const docs = await store().getMany<{ at: string }>(c, ids);
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(docs.map((d) => d.doc.at))).toEqual(new Set(['2026-01-02', '2026-01-03']));
    });

    it('names the nth key and resumes after it without loss or repeat', async () => {
      const { c, all } = await seeded(store());
      const end = (await store().keyAt(c, q({ keys: 'all' }), 700)) as RangeKey;
      expect(end.id).toBe(all[699]);
      const first = await collect(store(), c, q({ keys: 'all' }, { until: end }));
      const rest = await collect(store(), c, q({ keys: 'all' }, { after: end }));
      expect([...first, ...rest]).toEqual(all);
      expect(await store().keyAt(c, q({ keys: 'all' }, { after: end }), 501)).toBeUndefined();
    });

    it('refuses a scan no declared index serves', async () => {
      const { c } = await seeded(store());
      await expect(collect(store(), c, { fields: ['at'], equal: {} })).rejects.toThrow(ReadStoreUsageError);
      await expect(collect(store(), c, q({}))).rejects.toThrow(ReadStoreUsageError);
      await expect(store().keyAt(c, q({ keys: 'all' }), 0)).rejects.toThrow(ReadStoreUsageError);
    });
  });
}
