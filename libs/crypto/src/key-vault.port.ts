/**
 * Where wrapped data keys live. Adapters store bytes and keep the few invariants that need the
 * backend's atomicity; every cryptographic decision stays in the library. Nothing here ever
 * sees an unwrapped key.
 */

/** A data key sealed with AES-256-GCM under the master key `masterKeyId` (blob: iv || ct || tag). */
export interface WrappedDataKey {
  subjectId: string;
  keyId: string;
  masterKeyId: string;
  wrapped: Buffer;
  createdAt: string;
}

/** Per-master-key records: the key-check value, and the blind-index key wrapped under that master. */
export type SystemRecordName = 'key-check' | 'blind-index';

export interface SystemRecord {
  name: SystemRecordName;
  masterKeyId: string;
  blob: Buffer;
}

export type InsertOutcome =
  | { status: 'inserted'; record: WrappedDataKey }
  | { status: 'exists'; record: WrappedDataKey }
  /** A tombstone exists: the subject was erased and must never get a key again. */
  | { status: 'erased' };

export interface KeyVault {
  findDataKey(subjectId: string): Promise<WrappedDataKey | undefined>;
  /** The keys found for these subjects, in no particular order: one round trip for many (a rebuild's batch). */
  findDataKeys(subjectIds: readonly string[]): Promise<WrappedDataKey[]>;
  /** Inserts unless the subject already has a key (returns it) or a tombstone (refuses), atomically. */
  insertDataKey(record: WrappedDataKey): Promise<InsertOutcome>;
  /**
   * Records a tombstone (no key material) for every id and really deletes any key present:
   * no copy may stay readable on the backend's disk. Returns the ids whose key was removed.
   */
  destroyDataKeys(subjectIds: readonly string[], destroyedAt: string): Promise<string[]>;
  isDestroyed(subjectId: string): Promise<boolean>;
  /** Up to `limit` keys still wrapped under `masterKeyId`; rotation pages through until none remain. */
  listDataKeys(masterKeyId: string, limit: number): Promise<WrappedDataKey[]>;
  /** Compare-and-set: replaces the wrapping only while the key is still wrapped under `fromMasterKeyId`. */
  rewrapDataKey(
    subjectId: string,
    keyId: string,
    fromMasterKeyId: string,
    to: { masterKeyId: string; wrapped: Buffer },
  ): Promise<boolean>;
  /** How many data keys each master key id wraps. */
  countByMasterKey(): Promise<Map<string, number>>;
  listSystemRecords(): Promise<SystemRecord[]>;
  /** Stores the record unless one with the same name and master key id exists; returns the stored one. */
  putSystemRecord(record: SystemRecord): Promise<SystemRecord>;
  deleteSystemRecords(masterKeyId: string): Promise<void>;
  close(): Promise<void>;
}
