import { createSecretKey } from 'node:crypto';
import type { DataKey } from './field-cipher';
import { LruCache } from './lru-cache';

const KEY_BYTES = 32;
/** Slots per slab: slabs are added as the cache fills, so a small working set costs little. */
const SLAB_SLOTS = 16_384;

/**
 * Unwrapped data keys, least recently used first out, in little memory: a KeyObject costs about
 * 780 bytes of native memory, so a cache that covers a million subjects could not hold one per
 * subject. Here each key is 32 bytes in a slab outside the JavaScript heap, zeroed the moment it
 * leaves the cache (eviction or erasure), and a get builds a fresh KeyObject from a copy, so a
 * caller never holds bytes that a later eviction rewrites. The last `hotCapacity` keys used are
 * also kept as KeyObjects: one command decrypts several fields under the same key.
 */
export class DataKeyCache {
  private readonly slots = new Map<string, number>();
  private readonly keyIds: string[] = [];
  private readonly slabs: Buffer[] = [];
  private readonly free: number[] = [];
  private readonly hot: LruCache<string, DataKey>;

  constructor(
    readonly capacity: number,
    hotCapacity = 1_000,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('key cache capacity must be a positive integer');
    this.hot = new LruCache(Math.min(capacity, hotCapacity));
  }

  get size(): number {
    return this.slots.size;
  }

  has(subjectId: string): boolean {
    return this.slots.has(subjectId);
  }

  get(subjectId: string): DataKey | undefined {
    const slot = this.slots.get(subjectId);
    if (slot === undefined) return undefined;
    this.slots.delete(subjectId);
    this.slots.set(subjectId, slot);
    const hot = this.hot.get(subjectId);
    if (hot !== undefined) return hot;
    const dataKey = { keyId: this.keyIds[slot]!, key: createSecretKey(this.bytes(slot)) };
    this.hot.set(subjectId, dataKey);
    return dataKey;
  }

  set(subjectId: string, dataKey: DataKey): void {
    this.delete(subjectId);
    const slot = this.free.pop() ?? this.newSlot();
    const raw = dataKey.key.export();
    raw.copy(this.bytes(slot));
    raw.fill(0);
    this.keyIds[slot] = dataKey.keyId;
    this.slots.set(subjectId, slot);
    this.hot.set(subjectId, dataKey);
    if (this.slots.size > this.capacity) this.delete(this.slots.keys().next().value as string);
  }

  /** Zeroes the key's bytes: an erased subject's key must not linger in memory (Art. 17). */
  delete(subjectId: string): boolean {
    const slot = this.slots.get(subjectId);
    this.hot.delete(subjectId);
    if (slot === undefined) return false;
    this.slots.delete(subjectId);
    this.bytes(slot).fill(0);
    this.keyIds[slot] = '';
    this.free.push(slot);
    return true;
  }

  private newSlot(): number {
    const slot = this.keyIds.length;
    if (slot % SLAB_SLOTS === 0) this.slabs.push(Buffer.alloc(SLAB_SLOTS * KEY_BYTES));
    this.keyIds.push('');
    return slot;
  }

  private bytes(slot: number): Buffer {
    const start = (slot % SLAB_SLOTS) * KEY_BYTES;
    return this.slabs[Math.floor(slot / SLAB_SLOTS)]!.subarray(start, start + KEY_BYTES);
  }
}
