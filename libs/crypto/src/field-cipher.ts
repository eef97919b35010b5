import type { KeyObject } from 'node:crypto';
import { open, seal } from './aead';
import { formatEnvelope, parseEnvelope } from './envelope';
import { IntegrityError } from './errors';
import { decodeValue, encodeValue } from './field-codec';

/** An unwrapped data key; it exists only in memory (the cache) and never in a log line. */
export interface DataKey {
  readonly keyId: string;
  readonly key: KeyObject;
}

/** The subject id is authenticated, so a ciphertext copied into another subject's event fails. */
function aad(subjectId: string, keyId: string): Buffer {
  return Buffer.from(`pl-field:v1:${keyId}:${subjectId}`, 'utf8');
}

export function encryptField(dataKey: DataKey, subjectId: string, value: unknown): string {
  const plain = encodeValue(value);
  const { iv, sealed } = seal(dataKey.key, plain, aad(subjectId, dataKey.keyId));
  plain.fill(0);
  return formatEnvelope({ keyId: dataKey.keyId, iv, sealed });
}

/** Throws IntegrityError for anything altered, moved between subjects, or sealed under another key. */
export function decryptField(dataKey: DataKey, subjectId: string, envelope: string): unknown {
  const parsed = parseEnvelope(envelope);
  if (parsed.keyId !== dataKey.keyId)
    throw new IntegrityError("the envelope names a data key that is not this subject's");
  const plain = open(dataKey.key, parsed.iv, parsed.sealed, aad(subjectId, parsed.keyId));
  if (plain === undefined)
    throw new IntegrityError('the ciphertext, iv, tag or subject does not match (tampered or moved)');
  const decoded = decodeValue(plain);
  plain.fill(0);
  if (decoded === undefined) throw new IntegrityError('the decrypted value is not in a known encoding');
  return decoded.value;
}
