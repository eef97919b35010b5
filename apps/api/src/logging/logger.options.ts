import type { Logger } from 'pino';
import type { Params } from 'nestjs-pino';
import { createLogger, type AppConfig } from '#runtime';
import { loggedPath, type LoggedRequest } from './log-path';

const loggers = new WeakMap<AppConfig, Logger>();

/** One pino instance per app for Fastify's request logs and Nest's application logs. */
export function loggerFor(config: AppConfig): Logger {
  const existing = loggers.get(config);
  if (existing) return existing;
  const logger = createAppLogger(config);
  loggers.set(config, logger);
  return logger;
}

/**
 * Logs are personal-data free by construction: requests are logged by id, method, route pattern
 * and status only. Path values, query strings (e-mail lookups), bodies and headers never reach a log
 * line. The serializers run before either format (JSON or pretty) sees an entry.
 */
function createAppLogger(config: AppConfig): Logger {
  const serializers = {
    req: (req: LoggedRequest & { id?: unknown; method?: string }) => ({
      id: req.id,
      method: req.method,
      path: loggedPath(req),
    }),
    res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    err: (err: Error) => ({ type: err.name, message: err.message }),
  };
  return createLogger(config, { serializers });
}

/** nestjs-pino on Fastify reuses Fastify's logger (its FAQ's advice) instead of adding middleware. */
export function loggerOptions(config: AppConfig): Params {
  return { pinoHttp: { logger: loggerFor(config) }, useExisting: true };
}
