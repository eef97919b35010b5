import { HttpException } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '#domain';
import { WrongExpectedVersionError } from '#event-store';
import { ApiHttpException } from './api-http.exception';
import type { EdgeCode } from './edge-refusals';
import { cryptoError } from '../privacy/crypto-error-mapping';
import { errorBody, httpCode, type ErrorResponse } from './error-body';

export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
};

/** Fastify refuses these before any handler runs; each gets its own stable code. */
const FASTIFY_CODES: Record<string, EdgeCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'HTTP.PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'HTTP.MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'HTTP.MALFORMED_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'HTTP.BAD_REQUEST',
};

/** The error response for anything thrown, or undefined when it is unexpected (a 500). */
export function mapError(error: unknown): ErrorResponse | undefined {
  if (error instanceof DomainError) return domainError(error);
  const crypto = cryptoError(error);
  if (crypto) return crypto;
  if (error instanceof WrongExpectedVersionError) {
    // Reached only after the command executor's retries were used up.
    return { body: errorBody(409, error.code, 'The record was changed concurrently; send the request again') };
  }
  if (error instanceof ApiHttpException) {
    return {
      body: errorBody(error.getStatus(), error.code, error.message, { ...error.details }),
      headers: error.headers,
    };
  }
  // Nest wraps Fastify's parser errors (body too large, malformed JSON) in an HttpException.
  const parsing = fastifyError(error) ?? fastifyError((error as { cause?: unknown } | undefined)?.cause);
  if (parsing) return parsing;
  if (error instanceof HttpException)
    return { body: errorBody(error.getStatus(), httpCode(error.getStatus()), error.message) };
  return undefined;
}

function domainError(error: DomainError): ErrorResponse {
  const extra = error.field === undefined ? {} : { field: error.field };
  return { body: errorBody(STATUS_BY_KIND[error.kind], error.code, error.message, extra) };
}

/** Fastify's own client errors carry a 4xx statusCode and an FST_ code. */
function fastifyError(error: unknown): ErrorResponse | undefined {
  const { statusCode, code, message } = (error ?? {}) as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  if (typeof code !== 'string' || !code.startsWith('FST_')) return undefined;
  const text = code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'The body is not valid JSON' : String(message);
  return { body: errorBody(statusCode, FASTIFY_CODES[code] ?? httpCode(statusCode), text) };
}
