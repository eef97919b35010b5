import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One line per answered request (Fastify's own incoming-request line is dropped): warn for 4xx,
 * error for 5xx, with the route pattern (the req serializer keeps no path value and no query) and the time it took.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const level = error || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    request.log[level](
      { req: request, res: reply, responseTimeMs: Math.round(reply.elapsedTime) },
      'request completed',
    );
  }
}
