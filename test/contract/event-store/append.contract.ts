import { type ExpectedRevision, WrongExpectedVersionError } from '#event-store';
import { eventsOf, expectStrictlyIncreasing, positions, rejections, type StoreGetter, unique } from './helpers';

async function expectConflict(
  attempt: Promise<unknown>,
  stream: string,
  expected: ExpectedRevision,
  actual: number,
): Promise<void> {
  const err = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WrongExpectedVersionError);
  expect(err).toMatchObject({ stream, expected, actual, code: 'EVENT_STORE.WRONG_EXPECTED_VERSION' });
}

export function appendContract(store: StoreGetter): void {
  describe('appendToStream', () => {
    it('records events with revisions from 0, increasing positions and the given fields', async () => {
      const stream = unique('append');
      const before = Date.now();
      const id = '6f1c0a53-3d0b-4b8e-9a3e-0d1f0b2a7c11';
      const result = await store().appendToStream(
        stream,
        [{ id, type: 'Opened', data: { a: 1 }, metadata: { by: 'x' } }, ...eventsOf('Noted', 2)],
        'no_stream',
      );
      const read = await store().readStream(stream);
      expect(result.nextExpectedRevision).toBe(2);
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(read[0]).toMatchObject({ id, type: 'Opened', data: { a: 1 }, metadata: { by: 'x' }, stream });
      expect(read[2]).toMatchObject({ type: 'Noted', data: { i: 1 }, metadata: { n: 1 } });
      expectStrictlyIncreasing(positions(read));
      expect(read[2]!.position).toBe(result.position);
      expect(read[0]!.created).toBeInstanceOf(Date);
      expect(Math.abs(read[0]!.created.getTime() - before)).toBeLessThan(60_000);
    });

    it('generates a UUID when an event has no id', async () => {
      const stream = unique('id');
      await store().appendToStream(stream, eventsOf('E', 2), 'any');
      const [a, b] = await store().readStream(stream);
      expect(a!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
      expect(a!.id).not.toBe(b!.id);
    });

    it('accepts the exact current revision and refuses any other', async () => {
      const stream = unique('exact');
      await store().appendToStream(stream, eventsOf('E', 2), 'no_stream');
      await expectConflict(store().appendToStream(stream, eventsOf('E', 1), 0), stream, 0, 1);
      await expectConflict(store().appendToStream(stream, eventsOf('E', 1), 2), stream, 2, 1);
      const result = await store().appendToStream(stream, eventsOf('E', 2), 1);
      expect(result.nextExpectedRevision).toBe(3);
      expect(await store().readStream(stream)).toHaveLength(4);
    });

    it('refuses no_stream on an existing stream and writes nothing', async () => {
      const stream = unique('nostream');
      await store().appendToStream(stream, eventsOf('E', 1), 'no_stream');
      await expectConflict(store().appendToStream(stream, eventsOf('E', 3), 'no_stream'), stream, 'no_stream', 0);
      expect(await store().readStream(stream)).toHaveLength(1);
    });

    it('refuses stream_exists and an exact revision on a missing stream (actual -1)', async () => {
      const stream = unique('exists');
      await expectConflict(
        store().appendToStream(stream, eventsOf('E', 1), 'stream_exists'),
        stream,
        'stream_exists',
        -1,
      );
      await expectConflict(store().appendToStream(stream, eventsOf('E', 1), 0), stream, 0, -1);
      expect(await store().readStream(stream)).toEqual([]);
      await store().appendToStream(stream, eventsOf('E', 1), 'no_stream');
      const result = await store().appendToStream(stream, eventsOf('E', 1), 'stream_exists');
      expect(result.nextExpectedRevision).toBe(1);
    });

    it('appends with any whether or not the stream exists', async () => {
      const stream = unique('any');
      expect((await store().appendToStream(stream, eventsOf('E', 1), 'any')).nextExpectedRevision).toBe(0);
      expect((await store().appendToStream(stream, eventsOf('E', 2), 'any')).nextExpectedRevision).toBe(2);
    });

    it('orders positions across streams in append order and headPosition covers them', async () => {
      const start = await store().headPosition();
      const a = await store().appendToStream(unique('order'), eventsOf('E', 1), 'any');
      const b = await store().appendToStream(unique('order'), eventsOf('E', 1), 'any');
      expect(a.position).toBeGreaterThan(start);
      expect(b.position).toBeGreaterThan(a.position);
      expect(await store().headPosition()).toBeGreaterThanOrEqual(b.position);
    });
  });

  describe('concurrent appends', () => {
    it('lets exactly one of several appends with the same expected revision win', async () => {
      const stream = unique('race');
      await store().appendToStream(stream, eventsOf('E', 1), 'no_stream');
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) => store().appendToStream(stream, eventsOf(`Racer${i}`, 2), 0)),
      );
      const refused = rejections(results);
      expect(refused).toHaveLength(4);
      for (const err of refused) expect(err).toBeInstanceOf(WrongExpectedVersionError);
      const read = await store().readStream(stream);
      expect(read).toHaveLength(3);
      expect(read[1]!.type).toBe(read[2]!.type);
    });

    it('lets exactly one of several no_stream appends create the stream', async () => {
      const stream = unique('race-new');
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () => store().appendToStream(stream, eventsOf('E', 1), 'no_stream')),
      );
      expect(rejections(results)).toHaveLength(3);
      expect(await store().readStream(stream)).toHaveLength(1);
    });

    it('appends to different streams at once, each with its own position', async () => {
      const streams = Array.from({ length: 40 }, () => unique('parallel'));
      const results = await Promise.all(streams.map((s) => store().appendToStream(s, eventsOf('E', 2), 'no_stream')));
      expect(new Set(results.map((r) => r.position)).size).toBe(streams.length);
      for (const r of results) expect(r.nextExpectedRevision).toBe(1);
      const read = await store().readStream(streams[7]!);
      expect(read[1]!.position).toBe(results[7]!.position);
    });
  });
}
