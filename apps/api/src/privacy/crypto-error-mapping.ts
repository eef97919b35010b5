import { CryptoError } from '#crypto';
import { errorBody, type ErrorResponse } from '../http/error-body';

/**
 * Crypto refusals keep their stable codes. A tampered or moved ciphertext is the server's data
 * failing its integrity check (500, CRYPTO.INTEGRITY), never garbage; a write about an erased
 * subject is a conflict. Messages carry no key material, ciphertext or personal data.
 */
export const CRYPTO_STATUS: Readonly<Record<string, number>> = {
  'CRYPTO.INTEGRITY': 500,
  'CRYPTO.SUBJECT_ERASED': 409,
  'CRYPTO.KEY_DESTROYED': 409,
  'CRYPTO.KEY_NOT_FOUND': 500,
  'CRYPTO.VAULT_UNAVAILABLE': 503,
};

export function cryptoError(error: unknown): ErrorResponse | undefined {
  if (!(error instanceof CryptoError)) return undefined;
  const status = CRYPTO_STATUS[error.code];
  return status === undefined ? undefined : { body: errorBody(status, error.code, error.message) };
}
