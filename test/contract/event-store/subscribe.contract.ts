import type { RecordedEvent, SubscribeOptions, Subscription } from '#event-store';
import { eventsOf, type StoreGetter, unique, waitFor } from './helpers';

interface Collected {
  sub: Subscription;
  events: RecordedEvent[];
  batches: number[];
}

export function subscribeContract(store: StoreGetter): void {
  const open: Subscription[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  function collect(
    options: SubscribeOptions,
    onBatch?: (events: readonly RecordedEvent[]) => Promise<void>,
  ): Collected {
    const c: Collected = { events: [], batches: [], sub: undefined as unknown as Subscription };
    c.sub = store().subscribeToAll(options, async (events) => {
      c.events.push(...events);
      c.batches.push(events.length);
      await onBatch?.(events);
    });
    open.push(c.sub);
    return c;
  }

  describe('subscribeToAll', () => {
    it('catches up, hands over to live without gap or duplicate while appends go on', async () => {
      const p = unique('sub');
      const start = await store().headPosition();
      await store().appendToStream(`${p}-a`, eventsOf('E', 23), 'no_stream');
      let appendedDuringCatchUp = false;
      const c = collect({ after: start, filter: { streamPrefixes: [p] }, maxBatchSize: 5 }, async () => {
        if (appendedDuringCatchUp) return;
        appendedDuringCatchUp = true;
        await store().appendToStream(`${p}-b`, eventsOf('E', 7), 'no_stream');
      });
      await waitFor('catch-up', () => c.sub.caughtUp && c.events.length >= 30);
      await store().appendToStream(`${p}-a`, eventsOf('E', 4), 22);
      await store().appendToStream(`${p}-c`, eventsOf('E', 1), 'no_stream');
      const expected = await store().readAll({ after: start, filter: { streamPrefixes: [p] } });
      expect(expected).toHaveLength(35);
      await waitFor('live events', () => c.events.length >= 35);
      expect(c.events.map((e) => e.position)).toEqual(expected.map((e) => e.position));
      expect(c.events.map((e) => e.id)).toEqual(expected.map((e) => e.id));
      expect(Math.max(...c.batches)).toBeLessThanOrEqual(5);
      expect(c.sub.position).toBe(expected[34]!.position);
    });

    it('starts at the given position and delivers only what comes after it', async () => {
      const p = unique('sub-after');
      const first = await store().appendToStream(`${p}-a`, eventsOf('E', 3), 'no_stream');
      const c = collect({ after: first.position, filter: { streamPrefixes: [p] } });
      expect(c.sub.position).toBe(first.position);
      await waitFor('caught up', () => c.sub.caughtUp);
      await store().appendToStream(`${p}-a`, eventsOf('E', 1), 2);
      await waitFor('live event', () => c.events.length >= 1);
      expect(c.events.map((e) => e.revision)).toEqual([3]);
    });

    it('delivers unfiltered events in global order, ours among them', async () => {
      const stream = unique('sub-all');
      const c = collect({ after: await store().headPosition() });
      await store().appendToStream(stream, eventsOf('E', 3), 'no_stream');
      await waitFor('events', () => c.events.filter((e) => e.stream === stream).length >= 3);
      const mine = c.events.filter((e) => e.stream === stream);
      expect(mine.map((e) => e.revision)).toEqual([0, 1, 2]);
      const all = c.events.map((e) => e.position);
      expect([...all].sort((x, y) => x - y)).toEqual(all);
    });

    it('delivers an event appended while the handler is still busy with the previous one', async () => {
      const p = unique('sub-busy');
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const c = collect({ after: await store().headPosition(), filter: { streamPrefixes: [p] } }, async () => {
        if (c.events.length === 1) await gate;
      });
      await store().appendToStream(`${p}-a`, eventsOf('E', 1), 'no_stream');
      await waitFor('first event', () => c.events.length === 1);
      await store().appendToStream(`${p}-a`, eventsOf('E', 1), 0);
      release();
      await waitFor('the event appended meanwhile', () => c.events.length === 2, 2000);
      expect(c.events.map((e) => e.revision)).toEqual([0, 1]);
    });

    it('applies an event-type filter to catch-up and live events', async () => {
      const p = unique('sub-type');
      const start = await store().headPosition();
      await store().appendToStream(
        `${p}-a`,
        [
          { type: `${p}-Yes`, data: {} },
          { type: `${p}-No`, data: {} },
        ],
        'any',
      );
      const c = collect({ after: start, filter: { eventTypes: [`${p}-Yes`] } });
      await store().appendToStream(
        `${p}-b`,
        [
          { type: `${p}-No`, data: {} },
          { type: `${p}-Yes`, data: {} },
        ],
        'any',
      );
      await waitFor('filtered events', () => c.events.length >= 2);
      expect(c.events.map((e) => `${e.stream}/${e.revision}`)).toEqual([`${p}-a/0`, `${p}-b/1`]);
    });

    it('stops delivering after close() and resolves done', async () => {
      const p = unique('sub-close');
      const c = collect({ after: await store().headPosition(), filter: { streamPrefixes: [p] } });
      await store().appendToStream(`${p}-a`, eventsOf('E', 1), 'no_stream');
      await waitFor('first event', () => c.events.length === 1);
      await c.sub.close();
      await expect(c.sub.done).resolves.toBeUndefined();
      await store().appendToStream(`${p}-a`, eventsOf('E', 1), 0);
      await new Promise((r) => setTimeout(r, 150));
      expect(c.events).toHaveLength(1);
    });

    it('ends with a rejected done when the handler throws', async () => {
      const p = unique('sub-error');
      const sub = store().subscribeToAll(
        { after: await store().headPosition(), filter: { streamPrefixes: [p] } },
        () => {
          throw new Error('projection failed');
        },
      );
      open.push(sub);
      const done = sub.done.then(
        () => 'resolved',
        (e: Error) => e.message,
      );
      await store().appendToStream(`${p}-a`, eventsOf('E', 1), 'no_stream');
      expect(await done).toBe('projection failed');
    });
  });
}
