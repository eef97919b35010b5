import { join } from 'node:path';
import { EsdbEventStore, SqliteEventStore, type EventStore } from '#event-store';
import type { AppConfig } from '../config/app-config';
import { ensurePrivateFile } from './data-dir';

/** EventStoreDB when a connection string is configured, otherwise the embedded SQLite file. */
export async function openEventStore(config: AppConfig, log: (line: string) => void): Promise<EventStore> {
  if (config.eventStoreConnectionString) {
    const store = await EsdbEventStore.connect(config.eventStoreConnectionString);
    log('event store: EventStoreDB (EVENTSTORE_CONNECTION_STRING is set)');
    return store;
  }
  const file = join(config.dataDir, 'events.sqlite');
  ensurePrivateFile(file);
  const store = new SqliteEventStore(file);
  log(`event store: embedded SQLite at ${file} (set EVENTSTORE_CONNECTION_STRING to use EventStoreDB)`);
  return store;
}
