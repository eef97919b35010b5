import type { FastifyInstance } from 'fastify';
import { EXPORT_DOWNLOAD_PATH } from '#journeys';

/** Only these routes take form bodies: RFC 8058 one-click POSTs and the confirmation page's form. */
export const FORM_ROUTES: readonly string[] = ['/unsubscribe', '/double-opt-in/confirm', `/${EXPORT_DOWNLOAD_PATH}`];
const FORM_LIMIT_BYTES = 8 * 1024;

interface ParsingRequest {
  routeOptions?: { url?: string };
}

function unsupported(): Error {
  return Object.assign(new Error('Unsupported Media Type'), {
    statusCode: 415,
    code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  });
}

/**
 * Adds url-encoded and multipart parsers that accept bodies on FORM_ROUTES only; everywhere else
 * they answer 415 as before (the api stays JSON-only). Multipart one-click bodies carry nothing
 * the route needs (the token is in the URL), so their content is not parsed.
 */
export function acceptFormBodies(fastify: FastifyInstance): void {
  const options = { parseAs: 'string' as const, bodyLimit: FORM_LIMIT_BYTES };
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    options,
    (request: ParsingRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
      if (!FORM_ROUTES.includes(request.routeOptions?.url ?? '')) return done(unsupported());
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
  fastify.addContentTypeParser(
    'multipart/form-data',
    options,
    (request: ParsingRequest, _body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
      if (request.routeOptions?.url !== '/unsubscribe') return done(unsupported());
      done(null, {});
    },
  );
}
