import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_JSON_NESTING, nestsDeeperThan } from '#application';
import type { ApiHttpException } from './api-http.exception';
import { edgeRefusal, type EdgeCode } from './edge-refusals';

export const NESTING_TOO_DEEP = 'HTTP.NESTING_TOO_DEEP' satisfies EdgeCode;

export function nestingTooDeep(): ApiHttpException {
  return edgeRefusal(NESTING_TOO_DEEP, `JSON may nest arrays and objects at most ${MAX_JSON_NESTING} levels deep`);
}

/**
 * Replaces Fastify's JSON parser with the same parser (prototype-poisoning checks included)
 * behind a nesting check, on every route: a body nested too deep is refused with 400 before
 * JSON.parse, class-transformer or canonical JSON can spend CPU or overflow the stack on it.
 */
export function refuseDeepJson(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request: FastifyRequest, body: string | Buffer, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (nestsDeeperThan(text)) return done(nestingTooDeep(), undefined);
      parse(request, text, done);
    },
  );
}
