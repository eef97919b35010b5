import { RandomPool, randomBytesPooled } from './random-pool';

describe('RandomPool', () => {
  it('hands out every byte of a refill once, in order, and refills when the rest is too short', () => {
    let fills = 0;
    const pool = new RandomPool((buffer) => {
      fills += 1;
      for (let i = 0; i < buffer.length; i++) buffer[i] = (i + fills) % 256;
    });
    const taken = [pool.take(12), pool.take(12)];
    expect(fills).toBe(1);
    expect([...taken[0]]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect([...taken[1]]).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
    pool.take(4096 - 24);
    expect(fills).toBe(1);
    expect(pool.take(1)[0]).toBe(2);
    expect(fills).toBe(2);
  });

  it('gives each caller a buffer of its own: zeroing it does not touch the next', () => {
    const pool = new RandomPool((buffer) => buffer.fill(7));
    const first = pool.take(8);
    first.fill(0);
    expect([...pool.take(8)]).toEqual(Array(8).fill(7));
  });

  it('refuses sizes the pool cannot serve', () => {
    const pool = new RandomPool();
    expect(() => pool.take(4097)).toThrow(RangeError);
    expect(() => pool.take(-1)).toThrow(RangeError);
  });

  it('draws distinct values from the OS generator', () => {
    const ivs = new Set(Array.from({ length: 2_000 }, () => randomBytesPooled(12).toString('hex')));
    expect(ivs.size).toBe(2_000);
  });
});
