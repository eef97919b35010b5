import { createCipheriv, createDecipheriv, type KeyObject } from 'node:crypto';
import { randomBytesPooled } from './random-pool';

export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';

export interface Sealed {
  iv: Buffer;
  /** ciphertext followed by the 16-byte tag */
  sealed: Buffer;
}

/** AES-256-GCM with a fresh random 96-bit IV: with random IVs one key stays safe for 2^32 seals. */
export function seal(key: KeyObject, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  const iv = randomBytesPooled(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, sealed };
}

/** The plain text, or undefined when the tag does not verify (altered, wrong key or wrong AAD). */
export function open(key: KeyObject, iv: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Buffer | undefined {
  if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) return undefined;
  const tagAt = sealed.length - TAG_BYTES;
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(tagAt));
  const head = decipher.update(sealed.subarray(0, tagAt));
  try {
    return Buffer.concat([head, decipher.final()]);
  } catch {
    head.fill(0);
    return undefined;
  }
}

/** One blob `iv || ciphertext || tag`, for wrapped keys stored in the vault. */
export function sealPacked(key: KeyObject, plaintext: Uint8Array, aad: Uint8Array): Buffer {
  const { iv, sealed } = seal(key, plaintext, aad);
  return Buffer.concat([iv, sealed]);
}

export function openPacked(key: KeyObject, packed: Uint8Array, aad: Uint8Array): Buffer | undefined {
  return open(key, packed.subarray(0, IV_BYTES), packed.subarray(IV_BYTES), aad);
}
