import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getStorageToken, normalizeIp, seconds, type ThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '#runtime';
import { errorBody } from '../http/error-body';
import { EDGE_STATUS } from '../http/edge-refusals';
import { DOCS_PATH } from '../http/openapi';
import { onRequestWhen } from '../http/request-hook';
import { RATE_LIMITED } from './public-rate-limits';

/**
 * /docs (Swagger UI, a Fastify plugin) and unknown paths (the dashboard's page fallback, 404s)
 * never reach Nest's guards; they count against the probe limit here, in the throttler's storage.
 * Register before the dashboard fallback: hooks run in the order they were added.
 */
export function limitRequestsOutsideNest(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const storage = app.get<ThrottlerStorage>(getStorageToken());
  const config = app.get<AppConfig>(APP_CONFIG);
  const ttl = seconds(config.publicRateLimit.windowSeconds);
  const routeOf = (request: FastifyRequest) => (request.is404 ? '(unknown)' : (request.routeOptions.url ?? ''));
  const outside = (request: FastifyRequest) => request.is404 || routeOf(request).startsWith(DOCS_PATH);
  const limit = async (request: FastifyRequest, reply: FastifyReply) => {
    const route = routeOf(request);
    const { isBlocked, timeToBlockExpire } = await storage.increment(
      `outside:${route}:${normalizeIp(request.ip)}`,
      ttl,
      config.probeRateLimit,
      ttl,
      'probe',
    );
    if (!isBlocked) return;
    const retry = String(timeToBlockExpire);
    return reply
      .header('retry-after', retry)
      .status(EDGE_STATUS[RATE_LIMITED])
      .send(errorBody(EDGE_STATUS[RATE_LIMITED], RATE_LIMITED, `Too many requests; retry in ${retry} s`));
  };
  fastify.addHook('onRequest', onRequestWhen(outside, limit));
}
