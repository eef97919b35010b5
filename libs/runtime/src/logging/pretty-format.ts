import type { PrettyOptions } from 'pino-pretty';

interface RequestFields {
  req?: { method?: unknown; path?: unknown };
  res?: { statusCode?: unknown };
  responseTimeMs?: unknown;
}

/** "GET /subjects 200 3 ms" from the fields the request serializers kept (never a query string). */
function requestSummary(log: RequestFields): string {
  if (!log.req || !log.res) return '';
  const time = typeof log.responseTimeMs === 'number' ? ` ${log.responseTimeMs} ms` : '';
  return `: ${String(log.req.method)} ${String(log.req.path)} ${String(log.res.statusCode)}${time}`;
}

/** One line per entry: "[Context] message", a request with its method, path, status and time. */
export function prettyMessage(log: Record<string, unknown>, messageKey: string): string {
  const context = typeof log.context === 'string' ? `[${log.context}] ` : '';
  const message = log[messageKey] === undefined ? '' : String(log[messageKey]);
  return `${context}${message}${requestSummary(log as RequestFields)}`;
}

/**
 * pino-pretty formats the JSON line pino has already serialised, so the serializers that keep
 * personal data out of the log apply to this format exactly as to JSON.
 */
export const PRETTY_OPTIONS: PrettyOptions = {
  destination: 1,
  // Synchronous, as the JSON destination: the last lines before a crash are never lost.
  sync: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,context,req,res,responseTimeMs,reqId',
  messageFormat: prettyMessage,
  singleLine: true,
};
