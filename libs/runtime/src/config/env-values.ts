import { ConfigError } from './app-config-error';

/** A whole number setting within [min, max]; unset or blank gives the fallback. */
export function envInteger(
  setting: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(setting, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** `true` or `false`; unset or blank gives undefined, so the caller can pick a default per mode. */
export function envFlag(setting: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ConfigError(setting, `must be true or false, got "${raw}"`);
}
