import { type ErrorCode, refuse } from './error-codes';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds of an ISO-8601 timestamp with an explicit offset. Strings are compared as instants,
 * never lexically: `+02:00` and `Z` forms of one moment must compare equal.
 */
export function instant(value: string): number {
  return Date.parse(value);
}

export function isIsoTimestamp(value: unknown): value is string {
  return typeof value === 'string' && ISO_8601.test(value) && !Number.isNaN(Date.parse(value));
}

export function requireIsoTimestamp(value: unknown, code: ErrorCode, field: string): string {
  if (!isIsoTimestamp(value)) refuse(code, `${field} must be an ISO-8601 timestamp with an offset`, field);
  return value;
}

/** True when `moment` has been reached at `now` (an expiry at exactly `now` has passed). */
export function hasPassed(moment: string, now: string): boolean {
  return instant(moment) <= instant(now);
}
