import { timingSafeEqual, type KeyObject } from 'node:crypto';
import { hmacBase64url } from '#runtime';

/**
 * `<payload>.<mac>`: base64url JSON of a few short fields and an HMAC-SHA-256 under a key derived
 * from the master key (one key per purpose, so a token minted for one use is worthless for another).
 * Links in mails carry these: only the ledger can mint one, and they hold pseudonymous ids only.
 */
export function signFields(key: KeyObject, fields: Record<string, string | number>): string {
  const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return `${payload}.${hmacBase64url(key, payload)}`;
}

/** The fields of a token this key signed, or undefined for anything altered, foreign or malformed. */
export function openFields(key: KeyObject, token: unknown): Record<string, unknown> | undefined {
  if (typeof token !== 'string') return undefined;
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) return undefined;
  const expected = Buffer.from(hmacBase64url(key, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const fields: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return fields !== null && typeof fields === 'object' && !Array.isArray(fields)
    ? (fields as Record<string, unknown>)
    : undefined;
}
