import { hash } from 'node:crypto';
import { canonicalJson } from '#audit';

/**
 * The subject id of an external CRM id: the same source system and id give the same UUID in every
 * file and every run, so re-importing finds the subject instead of creating a twin. Laid out as a
 * version-4 UUID because the subject routes accept only that layout; the bits come from SHA-256,
 * not from a random source, which is the point.
 */
export function importedSubjectId(sourceSystem: string, externalId: string): string {
  const bytes = hash('sha256', `import:${sourceSystem}:${externalId}`, 'buffer').subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The record's Idempotency-Key: a hash of what identifies the record independent of the file
 * (line numbers and file names change between exports). Hashed because event metadata is not
 * encrypted: a CRM id in clear would survive the subject's crypto-shredding (Art. 17).
 */
export function importKey(parts: ReadonlyArray<string | number | undefined>): string {
  const joined = parts.map((part) => (part === undefined ? '*' : String(part))).join('\u001f');
  return `import:${hash('sha256', joined, 'hex')}`;
}

/** Fingerprint of the command a key stands for: the same key with other content is refused, not replayed. */
export function contentHash(value: unknown): string {
  return hash('sha256', canonicalJson(value), 'hex');
}
