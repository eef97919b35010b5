import { ERROR_KINDS, type ErrorCode } from '#domain';
import { EDGE_STATUS } from '../edge-refusals';
import { STATUS_BY_KIND } from '../error-mapping';
import { CRYPTO_STATUS } from '../../privacy/crypto-error-mapping';

/**
 * The refusals of the HTTP edge (its one table, EDGE_STATUS) and of the adapters, with the status
 * each is answered with; the domain's own codes come from ERROR_KINDS.
 */
export const EDGE_REFUSALS = {
  ...EDGE_STATUS,
  'EVENT_STORE.WRONG_EXPECTED_VERSION': 409,
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
