import type { FastifyInstance } from 'fastify';

/** One line per request once it is answered: warn for 4xx, error for 5xx, with the time it took. */
export function logRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    request.log[level]({ req: request, res: reply, responseTimeMs: Math.round(reply.elapsedTime) }, 'request completed');
    done();
  });
}
