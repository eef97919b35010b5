import { ConfigError } from '../config/app-config-error';

export type LogFormat = 'json' | 'pretty';

const FORMATS: readonly LogFormat[] = ['json', 'pretty'];

/** LOG_FORMAT: unset lets the terminal decide; anything but json or pretty is refused. */
export function logFormatSetting(raw: string | undefined): LogFormat | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const format = raw.trim().toLowerCase() as LogFormat;
  if (!FORMATS.includes(format)) throw new ConfigError('LOG_FORMAT', `must be json or pretty, got "${raw}"`);
  return format;
}

/**
 * A person at a terminal reads lines; a log collector (a pipe, a file, a container runtime)
 * parses JSON. An explicit LOG_FORMAT wins either way.
 */
export function chooseLogFormat(setting: LogFormat | undefined, stdoutIsTTY: boolean): LogFormat {
  return setting ?? (stdoutIsTTY ? 'pretty' : 'json');
}
