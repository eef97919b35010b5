import pino, { type Logger } from 'pino';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '#application';
import { loggedPath, type LoggedRequest } from './log-path';


const loggers = new WeakMap<AppConfig, Logger>();

/** One pino instance per app for Fastify's request logs and Nest's application logs. */
export function loggerFor(config: AppConfig): Logger {
  const existing = loggers.get(config);
  if (existing) return existing;
  const logger = createLogger(config);
  loggers.set(config, logger);
  return logger;
}

/**
 * Logs are personal-data free by construction: requests are logged by id, method, route pattern
 * and status only. Path values, query strings (e-mail lookups), bodies and headers never reach a log line.
 * Synchronous writes: the last lines before a shutdown or crash are never lost in a buffer.
 */
function createLogger(config: AppConfig): Logger {
  const serializers = {
    req: (req: LoggedRequest & { id?: unknown; method?: string }) => ({ id: req.id, method: req.method, path: loggedPath(req) }),
    res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    err: (err: Error) => ({ type: err.name, message: err.message }),
  };
  return pino({ level: config.logLevel, serializers }, pino.destination({ dest: 1, sync: true }));
}

/** nestjs-pino on Fastify reuses Fastify's logger (its FAQ's advice) instead of adding middleware. */
export function loggerOptions(config: AppConfig): Params {
  return { pinoHttp: { logger: loggerFor(config) }, useExisting: true };
}
