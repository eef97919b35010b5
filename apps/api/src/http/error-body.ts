import { STATUS_CODES } from 'node:http';

/** The one error body of the api: `{ statusCode, error, code, message, field?, violations? }`. */
export interface ErrorBody {
  statusCode: number;
  /** The HTTP reason phrase, e.g. "Conflict". */
  error: string;
  /** Stable, machine-readable: `SUBJECT.NOT_FOUND`, `VALIDATION.FAILED`, `AUTH.UNKNOWN_KEY`. */
  code: string;
  message: string;
  field?: string;
  [extra: string]: unknown;
}

/** A mapped failure: the body and any headers it needs. */
export interface ErrorResponse {
  body: ErrorBody;
  headers?: Readonly<Record<string, string>>;
}

export function errorBody(
  statusCode: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message, ...extra };
}

/** `HTTP.NOT_FOUND`, `HTTP.METHOD_NOT_ALLOWED`: a code for refusals that have no better one. */
export function httpCode(statusCode: number): string {
  const phrase = STATUS_CODES[statusCode] ?? 'ERROR';
  return `HTTP.${phrase.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}
