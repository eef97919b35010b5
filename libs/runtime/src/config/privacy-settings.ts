import { ConfigError } from './app-config-error';

/**
 * PRIVACY_SCHEDULER_INTERVAL_SECONDS: how often the api carries out due erasures (ended holds,
 * lapsed retention). Default 300 on the embedded stores; 0 turns it off (with KurrentDB run
 * `ledger retention` from one place, e.g. a cron job, instead of in every api instance).
 */
export function schedulerIntervalSeconds(env: NodeJS.ProcessEnv, embedded: boolean): number {
  const raw = env.PRIVACY_SCHEDULER_INTERVAL_SECONDS;
  if (raw === undefined || raw.trim() === '') return embedded ? 300 : 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 86_400) {
    throw new ConfigError(
      'PRIVACY_SCHEDULER_INTERVAL_SECONDS',
      `must be a whole number of seconds from 0 to 86400, got "${raw}"`,
    );
  }
  return value;
}
