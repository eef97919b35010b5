import { createSecretKey, randomBytes } from 'node:crypto';
import { DataKeyCache } from './data-key-cache';
import { decryptField, encryptField, type DataKey } from './field-cipher';

const newKey = (raw = randomBytes(32)): DataKey => ({
  keyId: randomBytes(8).toString('hex'),
  key: createSecretKey(raw),
});
/** Every byte the cache holds in its slabs. */
const slabBytes = (cache: DataKeyCache): Buffer => Buffer.concat((cache as unknown as { slabs: Buffer[] }).slabs);

describe('DataKeyCache', () => {
  it('gives back a key that opens what the original sealed, under the same key id', () => {
    const cache = new DataKeyCache(10, 1);
    const original = newKey();
    cache.set('s1', original);
    cache.set('s2', newKey()); // s1 leaves the KeyObject tier: its key comes from the slab now
    const envelope = encryptField(original, 's1', 'ada@example.org');
    const cached = cache.get('s1')!;
    expect(cached.keyId).toBe(original.keyId);
    expect(decryptField(cached, 's1', envelope)).toBe('ada@example.org');
  });

  it('evicts the least recently used key beyond its capacity', () => {
    const cache = new DataKeyCache(2, 1);
    cache.set('a', newKey());
    cache.set('b', newKey());
    cache.get('a');
    cache.set('c', newKey());
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('zeroes the bytes of a key it drops, by delete or by eviction (Art. 17)', () => {
    const cache = new DataKeyCache(1, 1);
    const [first, second] = [randomBytes(32), randomBytes(32)];
    cache.set('erased', newKey(Buffer.from(first)));
    expect(slabBytes(cache).includes(first)).toBe(true);
    cache.delete('erased');
    expect(slabBytes(cache).includes(first)).toBe(false);
    cache.set('a', newKey(Buffer.from(first)));
    cache.set('b', newKey(Buffer.from(second)));
    expect(slabBytes(cache).includes(first)).toBe(false);
    expect(slabBytes(cache).includes(second)).toBe(true);
  });

  it('hands out keys that stay valid when their slot is zeroed and reused', () => {
    const cache = new DataKeyCache(2, 1);
    const original = newKey();
    cache.set('a', original);
    cache.set('x', newKey()); // a leaves the KeyObject tier
    const held = cache.get('a')!; // built from a's slab bytes
    cache.delete('a');
    cache.set('b', newKey()); // takes a's zeroed slot
    expect(decryptField(held, 'a', encryptField(original, 'a', 42))).toBe(42);
  });

  it('refuses a capacity below one', () => {
    expect(() => new DataKeyCache(0)).toThrow(RangeError);
  });
});
