import { IV_BYTES, TAG_BYTES } from './aead';
import { IntegrityError } from './errors';

/**
 * `enc:v1:<keyId>:<iv>:<ciphertext+tag>`, iv and ciphertext in unpadded base64url.
 * keyId names the subject's data key (16 hex characters, random per key); the vault records
 * which master key wraps it, so a master-key rotation never rewrites an envelope and a
 * destroyed key id tells a reader the value was shredded, not lost.
 */
export const ENVELOPE_PREFIX = 'enc:v1:';
export const KEY_ID = /^[0-9a-f]{16}$/;
const ENVELOPE = /^enc:v1:[0-9a-f]{16}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{23,}$/;

export interface Envelope {
  keyId: string;
  iv: Buffer;
  sealed: Buffer;
}

/** A cheap shape test for `mapPersonalFields`-style walkers; decryption still checks everything. */
export function isEnvelope(value: unknown): value is string {
  return typeof value === 'string' && ENVELOPE.test(value);
}

export function formatEnvelope({ keyId, iv, sealed }: Envelope): string {
  return `${ENVELOPE_PREFIX}${keyId}:${iv.toString('base64url')}:${sealed.toString('base64url')}`;
}

/** Strict base64url: a changed trailing character that decodes to the same bytes is still refused. */
function decode(part: string, what: string): Buffer {
  const bytes = Buffer.from(part, 'base64url');
  if (bytes.toString('base64url') !== part)
    throw new IntegrityError(`the envelope's ${what} is not canonical base64url`);
  return bytes;
}

export function parseEnvelope(text: string): Envelope {
  if (!isEnvelope(text)) throw new IntegrityError('not an enc:v1 envelope');
  const [, , keyId, ivPart, sealedPart] = text.split(':') as [string, string, string, string, string];
  const iv = decode(ivPart, 'iv');
  const sealed = decode(sealedPart, 'ciphertext');
  if (iv.length !== IV_BYTES || sealed.length <= TAG_BYTES) throw new IntegrityError('the envelope is truncated');
  return { keyId, iv, sealed };
}
