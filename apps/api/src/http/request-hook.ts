import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/**
 * An onRequest hook that nearly every request passes at once: `applies` is asked synchronously and
 * only the requests it picks run `hook`, which behaves as an async Fastify hook (a reply it sends
 * ends the request). Registered async, a hook costs every request a promise and a microtask turn.
 */
export function onRequestWhen(
  applies: (request: FastifyRequest) => boolean,
  hook: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
): (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void {
  return (request, reply, done) => {
    if (!applies(request)) return done();
    hook(request, reply).then(() => done(), done);
  };
}
