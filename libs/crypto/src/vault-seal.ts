import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { openPacked, sealPacked } from './aead';
import { IntegrityError, MasterKeyMismatchError } from './errors';
import type { MasterKey } from './master-key';
import type { KeyVault, SystemRecord, SystemRecordName, WrappedDataKey } from './key-vault.port';

/**
 * Everything sealed under the master key, with its purpose, owner and master key id as AAD:
 * a wrapped key copied into another subject's row, or a key-check copied as a blind-index key,
 * fails to open instead of being accepted.
 */
const KEY_CHECK_PLAINTEXT = Buffer.from('privacy-ledger key-check v1', 'utf8');

function systemAad(name: SystemRecordName, masterKeyId: string): Buffer {
  return Buffer.from(`pl-system:v1:${name}:${masterKeyId}`, 'utf8');
}

function dataKeyAad(subjectId: string, keyId: string, masterKeyId: string): Buffer {
  return Buffer.from(`pl-data-key:v1:${masterKeyId}:${keyId}:${subjectId}`, 'utf8');
}

export function sealSystemRecord(master: MasterKey, name: SystemRecordName, secret: Uint8Array): SystemRecord {
  return { name, masterKeyId: master.id, blob: sealPacked(master.key, secret, systemAad(name, master.id)) };
}

export function openSystemRecord(master: MasterKey, record: SystemRecord): Buffer | undefined {
  return openPacked(master.key, record.blob, systemAad(record.name, master.id));
}

export function keyCheckRecord(master: MasterKey): SystemRecord {
  return sealSystemRecord(master, 'key-check', KEY_CHECK_PLAINTEXT);
}

export function keyCheckOpens(master: MasterKey, record: SystemRecord): boolean {
  const plain = openSystemRecord(master, record);
  return plain !== undefined && plain.equals(KEY_CHECK_PLAINTEXT);
}

export function wrapDataKey(master: MasterKey, subjectId: string, keyId: string, raw: Uint8Array): Buffer {
  return sealPacked(master.key, raw, dataKeyAad(subjectId, keyId, master.id));
}

/** Unwraps into a KeyObject and wipes the transient copy of the raw bytes. */
export function unwrapDataKey(master: MasterKey, record: WrappedDataKey): KeyObject {
  if (record.masterKeyId !== master.id) {
    throw new MasterKeyMismatchError(
      master.id,
      [record.masterKeyId],
      'a data key is wrapped under another master key; finish ledger rotate-master-key',
    );
  }
  const raw = openPacked(master.key, record.wrapped, dataKeyAad(record.subjectId, record.keyId, master.id));
  if (raw === undefined || raw.length !== 32) throw new IntegrityError('a wrapped data key in the vault was altered');
  const key = createSecretKey(raw);
  raw.fill(0);
  return key;
}

/** The blind-index key: random, stored wrapped per master key, so rotating the master keeps every index value. */
export async function loadBlindIndexKey(vault: KeyVault, master: MasterKey): Promise<KeyObject> {
  const records = await vault.listSystemRecords();
  let record = records.find((r) => r.name === 'blind-index' && r.masterKeyId === master.id);
  if (record === undefined) {
    const fresh = randomBytes(32);
    record = await vault.putSystemRecord(sealSystemRecord(master, 'blind-index', fresh));
    fresh.fill(0);
  }
  const raw = openSystemRecord(master, record);
  if (raw === undefined) throw new IntegrityError('the blind-index key in the vault was altered');
  const key = createSecretKey(raw);
  raw.fill(0);
  return key;
}
