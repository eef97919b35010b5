import { BatchQueue, type Outcome } from './batch-queue';

const tick = () => new Promise((r) => setImmediate(r));

describe('BatchQueue (group commit)', () => {
  it('hands items enqueued in the same turn to one run, each caller getting its own outcome', async () => {
    const runs: number[][] = [];
    const queue = new BatchQueue<number, number>(async (items) => {
      runs.push([...items]);
      return items.map(
        (n): Outcome<number> => (n < 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: n * 10 }),
      );
    });
    const results = await Promise.allSettled([1, -2, 3].map((n) => queue.enqueue(n)));
    expect(runs).toEqual([[1, -2, 3]]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('bad -2') },
      { status: 'fulfilled', value: 30 },
    ]);
  });

  it('fails every caller of a batch whose run throws, and goes on with the next batch', async () => {
    let fail = true;
    const queue = new BatchQueue<string, string>(async (items) => {
      if (fail) throw new Error('disk full');
      return items.map((value) => ({ ok: true, value }));
    });
    const first = Promise.allSettled([queue.enqueue('a'), queue.enqueue('b')]);
    expect((await first).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(queue.enqueue('c')).resolves.toBe('c');
  });

  it('keeps one batch in flight: what arrives while it commits goes together into the next, in order', async () => {
    const runs: string[][] = [];
    let release: () => void = () => undefined;
    const queue = new BatchQueue<string, string>(async (items) => {
      runs.push([...items]);
      if (items[0] === 'a') await new Promise<void>((r) => (release = r));
      return items.map((value) => ({ ok: true, value }));
    });
    const a = queue.enqueue('a');
    await tick();
    const later = [queue.enqueue('b'), queue.enqueue('c')];
    await tick();
    expect(runs).toEqual([['a']]);
    release();
    await Promise.all([a, ...later]);
    expect(runs).toEqual([['a'], ['b', 'c']]);
  });

  it('splits runs at the batch limit, and drain resolves once everything enqueued is settled', async () => {
    const runs: number[] = [];
    const queue = new BatchQueue<number, number>(async (items) => {
      runs.push(items.length);
      return items.map((value) => ({ ok: true, value }));
    }, 2);
    const settled: number[] = [];
    for (let i = 0; i < 5; i++) void queue.enqueue(i).then((n) => settled.push(n));
    await queue.drain();
    expect(runs).toEqual([2, 2, 1]);
    expect(queue.size).toBe(0);
    await tick();
    expect(settled).toEqual([0, 1, 2, 3, 4]);
  });
});
