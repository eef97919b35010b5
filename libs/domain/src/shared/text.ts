import { type ErrorCode, refuse } from './error-codes';

/** A non-blank string, trimmed of nothing: stored text is evidence and stays as given. */
export function requireText(value: unknown, code: ErrorCode, field: string, maxLength = 10_000): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    refuse(code, `${field} must be a non-empty text of at most ${maxLength} characters`, field);
  }
  return value;
}

export function optionalText(value: unknown, code: ErrorCode, field: string, maxLength = 10_000): string | undefined {
  return value === undefined ? undefined : requireText(value, code, field, maxLength);
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function requireSha256Hex(value: unknown, code: ErrorCode, field: string): string {
  if (typeof value !== 'string' || !SHA256_HEX.test(value)) {
    refuse(code, `${field} must be a lower-case SHA-256 hex digest`, field);
  }
  return value;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/** Structural equality of plain JSON values, for "the same command again records nothing". */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
}
