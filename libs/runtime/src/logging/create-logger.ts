import pino, { type Logger, type LoggerOptions } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LogLevel } from '../config/app-config';
import { chooseLogFormat, type LogFormat } from './log-format';
import { PRETTY_OPTIONS } from './pretty-format';

export interface LogSettings {
  logLevel: LogLevel;
  /** LOG_FORMAT; unset: readable lines on a terminal, JSON otherwise. */
  logFormat?: LogFormat;
}

/** Every process's loggers are made here, so that LOG_LEVEL and LOG_FORMAT mean the same everywhere. */
export function createLogger(
  settings: LogSettings,
  options: LoggerOptions = {},
  stdoutIsTTY = process.stdout.isTTY === true,
): Logger {
  const format = chooseLogFormat(settings.logFormat, stdoutIsTTY);
  // Synchronous writes: the last lines before a shutdown or crash are never lost in a buffer.
  const destination = format === 'pretty' ? pinoPretty(PRETTY_OPTIONS) : pino.destination({ dest: 1, sync: true });
  return pino({ level: settings.logLevel, ...options }, destination);
}
