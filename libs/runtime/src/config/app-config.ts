import { resolve } from 'node:path';
import { ConfigError } from './app-config-error';
import { loadDomainSettings, type DomainSettings } from './domain-settings';
import { loadProjectionSettings, type ProjectionSettings } from './projection-settings';
import { loadCacheSettings, type CacheSettings } from './cache-settings';
import { loadAuditSettings, type AuditSettings } from './audit-settings';
import { loadJourneySettings, type JourneySettings } from './journey-settings';
import { loadAccessSettings, type AccessSettings } from './access-settings';
import { loadPrivacyCenterSettings, type PrivacyCenterSettings } from './privacy-center-settings';
import { trustProxy, type TrustProxy } from './trust-proxy';
import { eventStoreConnection, KURRENTDB_CONNECTION_STRING, type EventStoreSetting } from './event-store-connection';
import { logFormatSetting, type LogFormat } from '../logging/log-format';

export { ConfigError };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  /** KurrentDB; unset means the embedded SQLite event store. */
  eventStoreConnectionString?: string;
  /** The variable that set it (or would): errors name it, and the former name earns a warning at start. */
  eventStoreSetting: EventStoreSetting;
  mongodbUri?: string;
  logLevel: LogLevel;
  /** LOG_FORMAT; unset: readable lines on a terminal, JSON otherwise. */
  logFormat?: LogFormat;
  /** JSON list of API keys ({ name, roles, sha256 }); without it the key file lives in the data folder. */
  apiKeysFile?: string;
  /** An admin key for automation; held in memory only as its SHA-256 once the app has started. */
  adminApiKey?: string;
  /** Requests per window and per client IP on public routes (authenticated routes are not limited). */
  publicRateLimit: { limit: number; windowSeconds: number };
  /** POST /unsubscribe per window and client IP: mail providers send it for many recipients from few addresses. */
  unsubscribeRateLimit: number;
  /** /health and the dashboard's files per window and client IP: cheap, and asked for often. */
  probeRateLimit: number;
  /** Whose X-Forwarded-For is believed for the client's address (TRUST_PROXY). */
  trustProxy: TrustProxy;
  domain: DomainSettings;
  projections: ProjectionSettings;
  caches: CacheSettings;
  audit: AuditSettings;
  journeys: JourneySettings;
  access: AccessSettings;
  privacyCenter: PrivacyCenterSettings;
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function port(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError('PORT', `must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return value;
}

function logLevel(raw: string | undefined): LogLevel {
  if (raw === undefined || raw === '') return 'info';
  const level = raw.toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return level;
}

function positiveInteger(setting: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigError(setting, `must be a whole number of at least 1, got "${raw}"`);
  }
  return value;
}

function optional(raw: string | undefined): string | undefined {
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function optionalPath(raw: string | undefined): string | undefined {
  const value = optional(raw);
  return value === undefined ? undefined : resolve(value);
}

/** DATA_DIR resolved: settings that must lie outside it compare against this. */
function dataDirOf(env: NodeJS.ProcessEnv): string {
  return resolve(optional(env.DATA_DIR) ?? './data');
}

/** Reads the environment once at start; every later reader gets the typed object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const eventStore = eventStoreConnection(env);
  return {
    port: port(env.PORT),
    host: optional(env.HOST) ?? '127.0.0.1',
    dataDir: resolve(optional(env.DATA_DIR) ?? './data'),
    eventStoreConnectionString: eventStore?.connectionString,
    eventStoreSetting: eventStore?.setting ?? KURRENTDB_CONNECTION_STRING,
    mongodbUri: optional(env.MONGODB_URI),
    logLevel: logLevel(env.LOG_LEVEL),
    logFormat: logFormatSetting(env.LOG_FORMAT),
    apiKeysFile: optionalPath(env.API_KEYS_FILE),
    adminApiKey: optional(env.ADMIN_API_KEY),
    publicRateLimit: {
      limit: positiveInteger('PUBLIC_RATE_LIMIT', env.PUBLIC_RATE_LIMIT, 30),
      windowSeconds: positiveInteger('PUBLIC_RATE_LIMIT_WINDOW_SECONDS', env.PUBLIC_RATE_LIMIT_WINDOW_SECONDS, 60),
    },
    unsubscribeRateLimit: positiveInteger('UNSUBSCRIBE_RATE_LIMIT', env.UNSUBSCRIBE_RATE_LIMIT, 600),
    probeRateLimit: positiveInteger('PROBE_RATE_LIMIT', env.PROBE_RATE_LIMIT, 600),
    trustProxy: trustProxy(env.TRUST_PROXY),
    domain: loadDomainSettings(env),
    projections: loadProjectionSettings(env),
    caches: loadCacheSettings(env),
    audit: loadAuditSettings(env, dataDirOf(env)),
    journeys: loadJourneySettings(env),
    access: loadAccessSettings(env),
    privacyCenter: loadPrivacyCenterSettings(env),
  };
}
