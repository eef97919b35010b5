import { ConfigError } from './app-config-error';

export const KURRENTDB_CONNECTION_STRING = 'KURRENTDB_CONNECTION_STRING';
/** KurrentDB's name while it was EventStoreDB; still read so that existing deployments keep working. */
export const LEGACY_CONNECTION_STRING = 'EVENTSTORE_CONNECTION_STRING';

export type EventStoreSetting = typeof KURRENTDB_CONNECTION_STRING | typeof LEGACY_CONNECTION_STRING;

export interface EventStoreConnection {
  connectionString: string;
  /** The variable it came from, so that an error about it names what the operator set. */
  setting: EventStoreSetting;
}

/** One start-up log line when the former variable name is used. */
export const LEGACY_SETTING_WARNING = `${LEGACY_CONNECTION_STRING} is deprecated: rename it to ${KURRENTDB_CONNECTION_STRING}`;

function value(raw: string | undefined): string | undefined {
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

/** The KurrentDB connection, if one is configured; undefined means the embedded SQLite event store. */
export function eventStoreConnection(env: NodeJS.ProcessEnv): EventStoreConnection | undefined {
  const current = value(env[KURRENTDB_CONNECTION_STRING]);
  const legacy = value(env[LEGACY_CONNECTION_STRING]);
  if (current !== undefined && legacy !== undefined && current !== legacy) {
    // Neither value is shown: both may carry a password.
    throw new ConfigError(
      KURRENTDB_CONNECTION_STRING,
      `differs from ${LEGACY_CONNECTION_STRING} (its former name); unset ${LEGACY_CONNECTION_STRING}`,
    );
  }
  if (current !== undefined) return { connectionString: current, setting: KURRENTDB_CONNECTION_STRING };
  return legacy === undefined ? undefined : { connectionString: legacy, setting: LEGACY_CONNECTION_STRING };
}
