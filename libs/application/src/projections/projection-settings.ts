import { ConfigError } from '../config/app-config-error';

export interface ProjectionSettings {
  /** Run the runners in this process: always in embedded mode, else when RUN_PROJECTIONS=true. */
  run: boolean;
  batchSize: number;
  /** Lease time to live; the holder renews every third of it (PROJECTION_LEASE_TTL_MS). */
  leaseTtlMs: number;
  /** How long a query with X-Min-Position waits for the projections (READ_YOUR_WRITES_TIMEOUT_MS). */
  readYourWritesTimeoutMs: number;
}

function integer(setting: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(setting, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(setting: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ConfigError(setting, `must be true or false, got "${raw}"`);
}

export function loadProjectionSettings(env: NodeJS.ProcessEnv): ProjectionSettings {
  const embedded = !env.EVENTSTORE_CONNECTION_STRING?.trim();
  return {
    run: flag('RUN_PROJECTIONS', env.RUN_PROJECTIONS) ?? embedded,
    batchSize: integer('PROJECTION_BATCH_SIZE', env.PROJECTION_BATCH_SIZE, 500, 1, 10_000),
    leaseTtlMs: integer('PROJECTION_LEASE_TTL_MS', env.PROJECTION_LEASE_TTL_MS, 15_000, 300, 600_000),
    readYourWritesTimeoutMs: integer('READ_YOUR_WRITES_TIMEOUT_MS', env.READ_YOUR_WRITES_TIMEOUT_MS, 2_000, 0, 30_000),
  };
}
