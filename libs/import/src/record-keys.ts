import { canonicalJson } from '#audit';
import type { IdKeys } from './recent-ids';

/**
 * The subject id of an external CRM id: the same source system and id give the same UUID in every
 * file and every run (under the same master key), so re-importing finds the subject instead of
 * creating a twin. Keyed, because the stream name is stored in clear: an unkeyed hash of a guessable
 * CRM id would tie the stream to the person after crypto-shredding (Art. 17).
 */
export function importedSubjectId(keys: IdKeys, sourceSystem: string, externalId: string): string {
  return keys.uuid(`import:${sourceSystem}:${externalId}`);
}

/**
 * The ledger's id of a contact point the file names `contactPointId` (default its channel): a UUID
 * like those created over HTTP, so every contact-point route accepts it, and the same in every run,
 * so a consent record finds the point its subject record registered and re-importing stays a no-op.
 */
export function importedContactPointId(keys: IdKeys, subjectId: string, fileId: string): string {
  return keys.uuid(`import:${subjectId}:contact-point:${fileId}`);
}

/**
 * The record's Idempotency-Key: a keyed hash of what identifies the record independent of the file
 * (line numbers and file names change between exports). Keyed because event metadata is not
 * encrypted: a CRM id in clear, or an unkeyed hash of it, would survive the subject's crypto-shredding.
 */
export function importKey(keys: IdKeys, parts: ReadonlyArray<string | number | undefined>): string {
  const joined = parts.map((part) => (part === undefined ? '*' : String(part))).join('\u001f');
  return `import:${keys.fingerprint(joined)}`;
}

/** Fingerprint of the command a key stands for: the same key with other content is refused, not replayed. */
export function contentHash(keys: IdKeys, value: unknown): string {
  return keys.fingerprint(canonicalJson(value));
}
