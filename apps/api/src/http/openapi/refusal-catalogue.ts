import { ERROR_KINDS, type ErrorCode } from '#domain';
import { STATUS_BY_KIND } from '../error-mapping';
import { CRYPTO_STATUS } from '../../privacy/crypto-error-mapping';

/**
 * The refusals of the HTTP edge and the adapters (auth, validation, parsing, idempotency, read
 * models), with the status each is answered with; the domain's own codes come from ERROR_KINDS.
 */
export const EDGE_REFUSALS = {
  'VALIDATION.FAILED': 400,
  'VALIDATION.IDEMPOTENCY_KEY': 400,
  'HTTP.BAD_REQUEST': 400,
  'HTTP.MALFORMED_JSON': 400,
  'IMPORT.BODY_REQUIRED': 400,
  'UNSUBSCRIBE.TOKEN_INVALID': 400,
  'UNSUBSCRIBE.TOKEN_EXPIRED': 400,
  'CHANNEL.NOT_ALLOWED': 400,
  'AUTH.MISSING_KEY': 401,
  'AUTH.UNKNOWN_KEY': 401,
  'AUTH.FORBIDDEN': 403,
  'WEBHOOK.NOT_FOUND': 404,
  'IDEMPOTENCY.KEY_REUSED': 409,
  'EVENT_STORE.WRONG_EXPECTED_VERSION': 409,
  'HTTP.PAYLOAD_TOO_LARGE': 413,
  'HTTP.UNSUPPORTED_MEDIA_TYPE': 415,
  'HTTP.RATE_LIMITED': 429,
  'PROJECTION.BEHIND': 503,
  'PROJECTION.REBUILDING': 503,
  /** Terminus's answer when a store or a projection is down (the health route). */
  'HTTP.SERVICE_UNAVAILABLE': 503,
} as const satisfies Record<string, number>;

export type CryptoRefusal = 'CRYPTO.SUBJECT_ERASED' | 'CRYPTO.KEY_DESTROYED';

/** Every code a route may declare: a typo is a compile error, not a wrong document. */
export type RefusalCode = ErrorCode | keyof typeof EDGE_REFUSALS | CryptoRefusal;

/**
 * A code answered with another status than its catalogue kind gives, where the thrower chose the
 * kind (the filter maps by the thrown kind): e.g. a receipt for a consent never granted is a 404.
 */
export interface RefusalAs {
  code: RefusalCode;
  status: number;
}

/** The status a refusal code is answered with, by the same tables the exception filter maps with. */
export function refusalStatus(refusal: RefusalCode | RefusalAs): number {
  if (typeof refusal === 'object') return refusal.status;
  const code = refusal;
  if (code in ERROR_KINDS) return STATUS_BY_KIND[ERROR_KINDS[code as ErrorCode]];
  if (code in EDGE_REFUSALS) return EDGE_REFUSALS[code as keyof typeof EDGE_REFUSALS];
  return CRYPTO_STATUS[code];
}
