import { Transform, type Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { edgeRefusal } from '../http/edge-refusals';

export const IMPORT_PATH = '/imports';
/** The import route alone takes bodies this large; every other route keeps the api's small JSON limit. */
export const IMPORT_BODY_LIMIT_BYTES = 50 * 1024 * 1024;
export const IMPORT_MEDIA_TYPES = { 'application/x-ndjson': 'ndjson', 'text/csv': 'csv' } as const;

/** Fastify's own refusal shapes, so the one error filter maps them as it maps the JSON parser's. */
function fastifyError(statusCode: number, code: string, message: string): Error {
  return Object.assign(new Error(message), { statusCode, code });
}

/**
 * Registers NDJSON and CSV as body types that are not parsed but handed on as the request stream:
 * the importer reads it line by line, so a 50 MiB file never sits in memory whole. Any other route
 * receiving these types answers 415 as before.
 */
export function registerImportBodyParsers(fastify: FastifyInstance): void {
  for (const type of Object.keys(IMPORT_MEDIA_TYPES)) {
    if (fastify.hasContentTypeParser(type)) continue;
    fastify.addContentTypeParser(
      type,
      (request: FastifyRequest, payload: Readable, done: (error: Error | null, body?: unknown) => void) => {
        if (request.routeOptions?.url !== IMPORT_PATH)
          return done(fastifyError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', `Unsupported Media Type: ${type}`));
        const length = Number(request.headers['content-length'] ?? 0);
        if (length > IMPORT_BODY_LIMIT_BYTES)
          return done(fastifyError(413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large'));
        done(null, payload.pipe(byteLimit(IMPORT_BODY_LIMIT_BYTES)));
      },
    );
  }
}

/** A chunked body has no Content-Length to check up front; it is cut off when it grows past the limit. */
function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit)
        callback(
          edgeRefusal(
            'HTTP.PAYLOAD_TOO_LARGE',
            `an import body may hold at most ${limit} bytes; split the file or use ledger import`,
          ),
        );
      else callback(null, chunk);
    },
  });
}
