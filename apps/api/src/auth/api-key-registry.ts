import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyEntry, CallerIdentity } from './api-key';

type LoadedKey = { identity: CallerIdentity; digest: Buffer };

/**
 * The keys loaded at start; keys added later (e.g. by the `ledger` CLI) count after a restart.
 * Each stored hash is decoded once here, not on every request.
 */
export class ApiKeyRegistry {
  private readonly keys: readonly LoadedKey[];

  constructor(entries: readonly ApiKeyEntry[]) {
    this.keys = entries.map((entry) => ({
      identity: { name: entry.name, roles: [...entry.roles] },
      digest: Buffer.from(entry.sha256, 'hex'),
    }));
  }

  /**
   * Compares every stored hash in constant time and does not stop at the first match, so the
   * response time says nothing about which entry (if any) matched (as findApiKey does).
   */
  authenticate(clearKey: string): CallerIdentity | undefined {
    const presented = createHash('sha256').update(clearKey, 'utf8').digest();
    let found: LoadedKey | undefined;
    for (const key of this.keys) {
      if (key.digest.length === presented.length && timingSafeEqual(key.digest, presented) && !found) found = key;
    }
    return found && { name: found.identity.name, roles: found.identity.roles };
  }
}
