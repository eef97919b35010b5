import { createSecretKey } from 'node:crypto';
import { randomBytesPooled } from './random-pool';
import { SubjectErasedError } from './errors';
import type { DataKey } from './field-cipher';
import type { KeyVault, WrappedDataKey } from './key-vault.port';
import type { MasterKey } from './master-key';
import { DataKeyCache } from './data-key-cache';
import { unwrapDataKey, wrapDataKey } from './vault-seal';

export interface DataKeyRingOptions {
  /** Unwrapped keys kept in memory; each costs one vault read and one unwrap to reload. */
  cacheSize?: number;
  clock?: () => Date;
}

/** Keyless hints kept at most (two waves of an import); beyond, they are dropped, never wrong. */
const MAX_KEYLESS = 8_192;

/**
 * One AES-256 data key per subject, stored only wrapped. Destroying a key is the erasure of
 * Art. 17 for everything encrypted under it (crypto-shredding), so destroy evicts the cache
 * before the vault deletes and bumps an epoch that stops a racing read from caching the key again.
 */
export class DataKeyRing {
  private readonly cache: DataKeyCache;
  private readonly clock: () => Date;
  /** Subjects a prefetch found without a key: their first getOrCreateDataKey goes straight to the insert. */
  private readonly keyless = new Set<string>();
  private epoch = 0;

  constructor(
    private readonly vault: KeyVault,
    private readonly master: MasterKey,
    options: DataKeyRingOptions = {},
  ) {
    this.cache = new DataKeyCache(options.cacheSize ?? 10_000);
    this.clock = options.clock ?? (() => new Date());
  }

  get cachedCount(): number {
    return this.cache.size;
  }

  isCached(subjectId: string): boolean {
    return this.cache.has(subjectId);
  }

  async getDataKey(subjectId: string): Promise<DataKey | undefined> {
    const cached = this.cache.get(subjectId);
    if (cached !== undefined) return cached;
    const epoch = this.epoch;
    const record = await this.vault.findDataKey(subjectId);
    return record === undefined ? undefined : this.remember(record, epoch);
  }

  /**
   * Loads the keys of these subjects that are not cached with one vault read, so the getDataKey
   * calls that follow hit the cache (a rebuild derives blind indexes for thousands of subjects per
   * batch). Subjects without a key are left to getDataKey, which tells erased from unknown.
   * Returns the subjects found without a key (none of them has been given one yet).
   */
  async prefetch(subjectIds: Iterable<string>): Promise<ReadonlySet<string>> {
    const missing = [...new Set(subjectIds)].filter((id) => !this.cache.has(id));
    if (missing.length === 0) return new Set();
    const epoch = this.epoch;
    const keyless = new Set(missing);
    for (const record of await this.vault.findDataKeys(missing)) {
      keyless.delete(record.subjectId);
      this.remember(record, epoch);
    }
    if (this.keyless.size > MAX_KEYLESS) this.keyless.clear();
    for (const id of keyless) this.keyless.add(id);
    return keyless;
  }

  /**
   * Refuses with SubjectErasedError for an erased subject instead of quietly starting afresh.
   * A subject a prefetch just found without a key skips the lookup: the vault's insert is atomic
   * and answers with another writer's key, or with the tombstone, all the same.
   */
  async getOrCreateDataKey(subjectId: string): Promise<DataKey> {
    if (!this.keyless.delete(subjectId)) {
      const existing = await this.getDataKey(subjectId);
      if (existing !== undefined) return existing;
    }
    const epoch = this.epoch;
    const raw = randomBytesPooled(32);
    const keyId = randomBytesPooled(8).toString('hex');
    const wrapped = wrapDataKey(this.master, subjectId, keyId, raw);
    const fresh = createSecretKey(raw);
    raw.fill(0);
    const record = { subjectId, keyId, masterKeyId: this.master.id, wrapped, createdAt: this.clock().toISOString() };
    const outcome = await this.vault.insertDataKey(record);
    if (outcome.status === 'erased') throw new SubjectErasedError();
    // Ours went in: the key is the one just made, so unwrapping its own wrapping again (an AES-GCM
    // open per new subject, a bulk import's hot path) is skipped. Another writer's key is unwrapped.
    if (outcome.status === 'inserted') return this.cached({ keyId, key: fresh }, subjectId, epoch);
    return this.remember(outcome.record, epoch);
  }

  async destroyDataKey(subjectId: string): Promise<boolean> {
    return (await this.destroyDataKeys([subjectId])).length > 0;
  }

  async destroyDataKeys(subjectIds: readonly string[]): Promise<string[]> {
    this.epoch += 1;
    for (const id of subjectIds) this.cache.delete(id);
    return this.vault.destroyDataKeys(subjectIds, this.clock().toISOString());
  }

  isDestroyed(subjectId: string): Promise<boolean> {
    return this.vault.isDestroyed(subjectId);
  }

  /** For other processes' erasures (e.g. on a SubjectErased notification): drop the cached key. */
  evict(subjectId: string): void {
    this.epoch += 1;
    this.cache.delete(subjectId);
  }

  private remember(record: WrappedDataKey, epoch: number): DataKey {
    return this.cached({ keyId: record.keyId, key: unwrapDataKey(this.master, record) }, record.subjectId, epoch);
  }

  /** Caches unless a destroy ran since the read or insert began (the epoch moved). */
  private cached(dataKey: DataKey, subjectId: string, epoch: number): DataKey {
    if (epoch === this.epoch) this.cache.set(subjectId, dataKey);
    return dataKey;
  }
}
