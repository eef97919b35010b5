import { ApiHttpException } from './api-http.exception';

/**
 * The HTTP edge's own refusals (authentication, transport, rate limits, availability), each code
 * once with its status. Refusals of the use cases are DomainErrors from the domain's catalogue
 * (libs/domain/src/shared/error-codes.ts); a code in both answers with the same status.
 */
export const EDGE_STATUS = {
  'AUTH.MISSING_KEY': 401,
  'AUTH.UNKNOWN_KEY': 401,
  'AUTH.FORBIDDEN': 403,
  'AUTH.ROUTE_UNDECLARED': 403,
  'VALIDATION.FAILED': 400,
  'HTTP.BAD_REQUEST': 400,
  'HTTP.MALFORMED_JSON': 400,
  'HTTP.NESTING_TOO_DEEP': 400,
  'HTTP.PAYLOAD_TOO_LARGE': 413,
  'HTTP.UNSUPPORTED_MEDIA_TYPE': 415,
  // RFC 9110 15.5.7: none of the formats the Accept header lists can be served.
  'HTTP.NOT_ACCEPTABLE': 406,
  // RFC 6585: 429 with Retry-After.
  'HTTP.RATE_LIMITED': 429,
  'STATS.TOO_MANY_STREAMS': 429,
  'IMPORT.BODY_REQUIRED': 400,
  'DASHBOARD.NOT_BUILT': 404,
  'DASHBOARD.FILE_NOT_FOUND': 404,
  'PROJECTION.BEHIND': 503,
  'PROJECTION.REBUILDING': 503,
} as const;

export type EdgeCode = keyof typeof EDGE_STATUS;

/** The one place an ApiHttpException is built: its status comes from its code. */
export function edgeRefusal(
  code: EdgeCode,
  message: string,
  headers: Readonly<Record<string, string>> = {},
  details: Readonly<Record<string, unknown>> = {},
): ApiHttpException {
  return new ApiHttpException(EDGE_STATUS[code], code, message, headers, details);
}
