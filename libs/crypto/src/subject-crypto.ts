import type { KeyObject } from 'node:crypto';
import { computeBlindIndex, type BlindIndexKind } from './blind-index';
import { DataKeyRing, type DataKeyRingOptions } from './data-key-ring';
import { parseEnvelope } from './envelope';
import { KeyDestroyedError, KeyNotFoundError } from './errors';
import { decryptField, encryptField } from './field-cipher';
import type { KeyVault } from './key-vault.port';
import type { MasterKey } from './master-key';
import { verifyMasterKey } from './master-key-check';
import { reconcileErasures } from './reconcile';
import { loadBlindIndexKey } from './vault-seal';

/** What `decryptOrErased` returns for a shredded value; serialises as `{"erased":true}`. */
export const ERASED: { readonly erased: true } = Object.freeze({ erased: true as const });
export type Erased = typeof ERASED;

export function isErased(value: unknown): value is Erased {
  return value === ERASED;
}

/**
 * The application's one entry point for personal data (Art. 25, privacy by design): fields go
 * into events and read models only as envelopes, and erasure destroys the subject's key.
 * Built with `SubjectCrypto.open`, which refuses a wrong master key before anything is decrypted.
 */
export class SubjectCrypto {
  private constructor(
    readonly keys: DataKeyRing,
    private readonly blindKey: KeyObject,
    readonly masterKeyId: string,
  ) {}

  static async open(vault: KeyVault, master: MasterKey, options: DataKeyRingOptions = {}): Promise<SubjectCrypto> {
    await verifyMasterKey(vault, master);
    const blindKey = await loadBlindIndexKey(vault, master);
    return new SubjectCrypto(new DataKeyRing(vault, master, options), blindKey, master.id);
  }

  /** Creates the subject's key on first use; SubjectErasedError once the subject was erased. */
  async encrypt(subjectId: string, value: unknown): Promise<string> {
    return encryptField(await this.keys.getOrCreateDataKey(subjectId), subjectId, value);
  }

  /** IntegrityError when altered or moved; KeyDestroyedError after erasure; never creates a key. */
  async decrypt(subjectId: string, envelope: string): Promise<unknown> {
    parseEnvelope(envelope);
    const dataKey = await this.keys.getDataKey(subjectId);
    if (dataKey !== undefined) return decryptField(dataKey, subjectId, envelope);
    throw (await this.keys.isDestroyed(subjectId)) ? new KeyDestroyedError() : new KeyNotFoundError();
  }

  /** One vault read for the uncached keys of many subjects; returns those without a key (DataKeyRing.prefetch). */
  prefetchKeys(subjectIds: Iterable<string>): Promise<ReadonlySet<string>> {
    return this.keys.prefetch(subjectIds);
  }

  /** For read paths that show "erased" instead of failing: only KeyDestroyedError becomes ERASED. */
  async decryptOrErased(subjectId: string, envelope: string): Promise<unknown> {
    try {
      return await this.decrypt(subjectId, envelope);
    } catch (err) {
      if (err instanceof KeyDestroyedError) return ERASED;
      throw err;
    }
  }

  /** Art. 17: destroys the data key; true when a key was present. Shredding twice is harmless. */
  shred(subjectId: string): Promise<boolean> {
    return this.keys.destroyDataKey(subjectId);
  }

  isShredded(subjectId: string): Promise<boolean> {
    return this.keys.isDestroyed(subjectId);
  }

  blindIndex(kind: BlindIndexKind, value: string): string {
    return computeBlindIndex(this.blindKey, kind, value);
  }

  /** On start and on demand: shreds keys restored for subjects the log says are erased. */
  reconcile(erasedSubjectIds: Iterable<string>): Promise<string[]> {
    return reconcileErasures(this.keys, erasedSubjectIds);
  }

  /** Drops a cached key after another process erased the subject. */
  evict(subjectId: string): void {
    this.keys.evict(subjectId);
  }
}
