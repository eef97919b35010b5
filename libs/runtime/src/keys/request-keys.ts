import { createHmac, type KeyObject } from 'node:crypto';
import { deriveKey, loadMasterKey, type MasterKey } from '#crypto';
import type { AppConfig } from '../config/app-config';
import { uuidFromBytes } from './uuid-from-bytes';

/** HKDF label of the key; its own purpose, so no journey token or webhook secret can stand in for it. */
const PURPOSE = 'privacy-ledger/commands/request-keys/v1';

/**
 * Keyed hashes (HMAC-SHA-256) of what clients choose and send: Idempotency-Keys, request
 * fingerprints, ids derived from them. Event metadata is not encrypted and outlives a subject's
 * crypto-shredding (Art. 17), and clients use natural keys (`signup:anna@example.org`) and send
 * guessable bodies: an unkeyed hash would let anyone holding the log confirm who an erased subject
 * was. The key is derived from the master key and never written anywhere.
 */
export class RequestKeys {
  private constructor(private readonly key: KeyObject) {}

  static fromMaster(master: MasterKey): RequestKeys {
    return new RequestKeys(deriveKey(master, PURPOSE));
  }

  /** The same master key the vault was opened with (openSubjectCrypto verified it). */
  static load(config: AppConfig): RequestKeys {
    return RequestKeys.fromMaster(loadMasterKey({ dataDir: config.dataDir, embedded: !config.mongodbUri }).key);
  }

  /** The form of a client's Idempotency-Key that is stored and compared. */
  idempotencyKey(clientKey: string): string {
    return this.hmac('idempotency-key', clientKey).toString('base64url');
  }

  /** Fingerprint of a request or record (method, path, body): a reused key with another one is refused. */
  fingerprint(content: string): string {
    return this.hmac('fingerprint', content).toString('hex');
  }

  /** A version-4-shaped UUID that only this key derives from the text (stream names are not encrypted). */
  uuid(text: string): string {
    return uuidFromBytes(this.hmac('uuid', text));
  }

  private hmac(use: string, text: string): Buffer {
    return createHmac('sha256', this.key).update(`${use}\u0000${text}`).digest();
  }
}
