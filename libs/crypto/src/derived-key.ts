import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import type { MasterKey } from './master-key';

/**
 * A key for one purpose, derived from the master key with HKDF (RFC 5869) under that purpose's
 * label: every process computes the same key without a second stored secret, and a value keyed
 * for one purpose is worthless for another.
 */
export function deriveKey(master: MasterKey, purpose: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), purpose, 32)));
}
