import { join } from 'node:path';
import { KurrentDbEventStore, SqliteEventStore, type EventStore } from '#event-store';
import type { AppConfig } from '../config/app-config';
import {
  KURRENTDB_CONNECTION_STRING,
  LEGACY_CONNECTION_STRING,
  LEGACY_SETTING_WARNING,
} from '../config/event-store-connection';
import type { StartupLog } from './open-key-vault';

/** KurrentDB when a connection string is configured, otherwise the embedded SQLite file. */
export async function openEventStore(config: AppConfig, log: StartupLog): Promise<EventStore> {
  if (config.eventStoreConnectionString) {
    if (config.eventStoreSetting === LEGACY_CONNECTION_STRING) log(LEGACY_SETTING_WARNING, 'warn');
    const store = await KurrentDbEventStore.connect(config.eventStoreConnectionString, config.eventStoreSetting);
    log(`event store: KurrentDB (${config.eventStoreSetting} is set)`);
    return store;
  }
  const file = join(config.dataDir, 'events.sqlite');
  const store = new SqliteEventStore(file);
  log(`event store: embedded SQLite at ${file} (set ${KURRENTDB_CONNECTION_STRING} to use KurrentDB)`);
  return store;
}
