import { seconds, SkipThrottle, type ThrottlerOptions } from '@nestjs/throttler';
import type { AppConfig } from '#runtime';
import type { EdgeCode } from '../http/edge-refusals';

/**
 * Every public route counts against exactly one of these limits (per route and client IP):
 * `default` (PUBLIC_RATE_LIMIT) for pages and forms, `oneClick` (UNSUBSCRIBE_RATE_LIMIT) for the
 * RFC 8058 POST that mail providers send for many recipients from few addresses, `probe`
 * (PROBE_RATE_LIMIT) for /health and the dashboard's files, which are cheap and asked for often.
 */
export const PUBLIC_RATE_CLASSES = ['default', 'oneClick', 'probe'] as const;
export type PublicRateClass = (typeof PUBLIC_RATE_CLASSES)[number];

/** The code of every 429 a rate limit answers. */
export const RATE_LIMITED = 'HTTP.RATE_LIMITED' satisfies EdgeCode;

export function publicThrottlers(config: AppConfig): ThrottlerOptions[] {
  const limits: Record<PublicRateClass, number> = {
    default: config.publicRateLimit.limit,
    oneClick: config.unsubscribeRateLimit,
    probe: config.probeRateLimit,
  };
  return PUBLIC_RATE_CLASSES.map((name) => ({
    name,
    limit: limits[name],
    ttl: seconds(config.publicRateLimit.windowSeconds),
  }));
}

/** Skips every throttler but the route's own class. */
export function countAgainst(rateClass: PublicRateClass): MethodDecorator & ClassDecorator {
  return SkipThrottle(
    Object.fromEntries(PUBLIC_RATE_CLASSES.filter((name) => name !== rateClass).map((name) => [name, true])),
  );
}
