import type { RecordedEvent } from '#event-store';
import { eventsOf, expectStrictlyIncreasing, positions, type StoreGetter, unique } from './helpers';

const revisions = (events: readonly RecordedEvent[]) => events.map((e) => e.revision);

export function readContract(store: StoreGetter): void {
  describe('readStream', () => {
    let stream: string;
    beforeAll(async () => {
      stream = unique('read');
      await store().appendToStream(stream, eventsOf('E', 6), 'no_stream');
    });

    it('reads forwards from a revision with a limit', async () => {
      expect(revisions(await store().readStream(stream))).toEqual([0, 1, 2, 3, 4, 5]);
      expect(revisions(await store().readStream(stream, { fromRevision: 2 }))).toEqual([2, 3, 4, 5]);
      expect(revisions(await store().readStream(stream, { fromRevision: 1, maxCount: 2 }))).toEqual([1, 2]);
      expect(await store().readStream(stream, { fromRevision: 6 })).toEqual([]);
    });

    it('reads backwards from the end or from a revision with a limit', async () => {
      expect(revisions(await store().readStream(stream, { direction: 'backwards' }))).toEqual([5, 4, 3, 2, 1, 0]);
      const from3 = await store().readStream(stream, { direction: 'backwards', fromRevision: 3, maxCount: 2 });
      expect(revisions(from3)).toEqual([3, 2]);
      const last = await store().readStream(stream, { direction: 'backwards', maxCount: 1 });
      expect(revisions(last)).toEqual([5]);
    });

    it('reads an unknown stream as an empty list', async () => {
      const missing = unique('missing');
      expect(await store().readStream(missing)).toEqual([]);
      expect(await store().readStream(missing, { direction: 'backwards' })).toEqual([]);
    });
  });

  describe('readAll', () => {
    it('reads after an exclusive position, in order, with a limit', async () => {
      const start = await store().headPosition();
      const stream = unique('all');
      await store().appendToStream(stream, eventsOf('E', 4), 'no_stream');
      const mine = (await store().readAll({ after: start })).filter((e) => e.stream === stream);
      expect(revisions(mine)).toEqual([0, 1, 2, 3]);
      const afterFirst = (await store().readAll({ after: mine[0]!.position })).filter((e) => e.stream === stream);
      expect(revisions(afterFirst)).toEqual([1, 2, 3]);
      const two = await store().readAll({ after: start, maxCount: 2 });
      expect(two).toHaveLength(2);
      expect(two[0]!.position).toBeGreaterThan(start);
      expectStrictlyIncreasing(positions(two));
    });

    it('filters by stream prefix, by event type, and by both', async () => {
      const start = await store().headPosition();
      const p = unique('filter');
      const q = unique('other');
      const [a, b] = [`${p}-Ä-流`, `${p}-b`];
      const [t1, t2] = [`${p}-Type1`, `${p}-Type2`];
      await store().appendToStream(
        a,
        [
          { type: t1, data: {} },
          { type: t2, data: {} },
        ],
        'no_stream',
      );
      await store().appendToStream(b, [{ type: t1, data: {} }], 'no_stream');
      await store().appendToStream(`${q}-c`, [{ type: t1, data: {} }], 'no_stream');
      const read = async (filter: object) =>
        (await store().readAll({ after: start, filter })).map((e) => `${e.stream}/${e.type}`);
      expect(await read({ streamPrefixes: [p] })).toEqual([`${a}/${t1}`, `${a}/${t2}`, `${b}/${t1}`]);
      expect(await read({ streamPrefixes: [`${p}-b`, q] })).toEqual([`${b}/${t1}`, `${q}-c/${t1}`]);
      expect(await read({ eventTypes: [t2] })).toEqual([`${a}/${t2}`]);
      expect(await read({ eventTypes: [t1, t2], streamPrefixes: [`${p}-Ä`] })).toEqual([`${a}/${t1}`, `${a}/${t2}`]);
      expect(await read({ eventTypes: [t1], streamPrefixes: [q] })).toEqual([`${q}-c/${t1}`]);
    });
  });

  describe('payloads', () => {
    it('round-trips a 1 MiB event through readStream and readAll', async () => {
      const stream = unique('large');
      const blob = 'x'.repeat(1024 * 1024);
      const { position } = await store().appendToStream(stream, [{ type: 'Large', data: { blob } }], 'no_stream');
      const [viaStream] = await store().readStream(stream);
      expect((viaStream!.data.blob as string).length).toBe(blob.length);
      expect(viaStream!.data.blob === blob).toBe(true);
      const [viaAll] = await store().readAll({ after: position - 1, filter: { streamPrefixes: [stream] } });
      expect(viaAll!.data.blob === blob).toBe(true);
    });

    it('round-trips unicode in data, metadata and stream names', async () => {
      const stream = unique('unicode-流-😀');
      const text = 'Zoë 😀👩‍👩‍👧 中文字符 日本語 한국어 עברית العربية e\u0301 \u{1F9EA} \u200f';
      await store().appendToStream(stream, [{ type: 'Ünïcode', data: { text, [text]: 1 }, metadata: { text } }], 'any');
      const [e] = await store().readStream(stream);
      expect(e).toMatchObject({ stream, type: 'Ünïcode', data: { text, [text]: 1 }, metadata: { text } });
    });

    it('keeps 500 streams apart', async () => {
      const p = unique('many');
      const start = await store().headPosition();
      const names = Array.from({ length: 500 }, (_, i) => `${p}-${i}`);
      await Promise.all(names.map((s, i) => store().appendToStream(s, [{ type: 'E', data: { i } }], 'no_stream')));
      const all = await store().readAll({ after: start, filter: { streamPrefixes: [`${p}-`] } });
      expect(new Set(all.map((e) => e.stream)).size).toBe(500);
      expectStrictlyIncreasing(positions(all));
      for (const i of [0, 250, 499]) {
        expect((await store().readStream(names[i]!)).map((e) => e.data.i)).toEqual([i]);
      }
    });
  });
}
