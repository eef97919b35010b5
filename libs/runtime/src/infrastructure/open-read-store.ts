import { join } from 'node:path';
import { MongoReadStore, SqliteReadStore, type ReadStore } from '#read-store';
import type { AppConfig } from '../config/app-config';

/** MongoDB when MONGODB_URI is set (beside the key vault), otherwise `<DATA_DIR>/read.sqlite`. */
export async function openReadStore(config: AppConfig, log: (line: string) => void): Promise<ReadStore> {
  if (config.mongodbUri) {
    const store = await MongoReadStore.connect(config.mongodbUri);
    log('read store: MongoDB (MONGODB_URI is set)');
    return store;
  }
  const file = join(config.dataDir, 'read.sqlite');
  const store = await SqliteReadStore.open(file, { cacheMib: config.projections.readCacheMib });
  log(`read store: embedded SQLite at ${file} (set MONGODB_URI to use MongoDB)`);
  return store;
}
