import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from './roles';

/** One stored key: only the SHA-256 of the clear key is ever kept. */
export interface ApiKeyEntry {
  name: string;
  roles: readonly Role[];
  /** Lower-case hex SHA-256 of the clear key's UTF-8 bytes. */
  sha256: string;
}

/** Who called: the key's name (recorded as the actor of commands) and its roles. */
export interface CallerIdentity {
  name: string;
  roles: readonly Role[];
}

const KEY_PREFIX = 'plk_';

/** 256 random bits; the prefix lets secret scanners and operators recognise a ledger key. */
export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(clearKey: string): string {
  return createHash('sha256').update(clearKey, 'utf8').digest('hex');
}

/**
 * Compares every stored hash in constant time and does not stop at the first match, so the
 * response time says nothing about which entry (if any) matched.
 */
export function findApiKey(entries: readonly ApiKeyEntry[], clearKey: string): ApiKeyEntry | undefined {
  const presented = Buffer.from(hashApiKey(clearKey), 'hex');
  let found: ApiKeyEntry | undefined;
  for (const entry of entries) {
    const stored = Buffer.from(entry.sha256, 'hex');
    if (stored.length === presented.length && timingSafeEqual(stored, presented) && !found) found = entry;
  }
  return found;
}
