import { join } from 'node:path';
import { loadMasterKey, MongoKeyVault, SqliteKeyVault, SubjectCrypto, type KeyVault } from '#crypto';
import type { AppConfig } from '../config/app-config';

export interface OpenedCrypto {
  vault: KeyVault;
  crypto: SubjectCrypto;
}

/**
 * The key vault lives beside the read store (MongoDB when MONGODB_URI is set, else SQLite in the
 * data folder). A wrong master key stops the start here, before anything is decrypted.
 */
/** Start-up log lines; a level of 'warn' marks what an operator should act on. */
export type StartupLog = (line: string, level?: 'info' | 'warn') => void;

export async function openSubjectCrypto(config: AppConfig, log: StartupLog): Promise<OpenedCrypto> {
  const embedded = !config.mongodbUri;
  const master = loadMasterKey({ dataDir: config.dataDir, embedded });
  for (const warning of master.warnings) log(warning, 'warn');
  const vault = config.mongodbUri
    ? await MongoKeyVault.connect(config.mongodbUri)
    : SqliteKeyVault.open(join(config.dataDir, 'keys.sqlite'));
  try {
    const crypto = await SubjectCrypto.open(vault, master.key, { cacheSize: config.caches.keyCacheSize });
    log(`key vault: ${embedded ? 'embedded SQLite' : 'MongoDB'}, master key id ${master.key.id} (${master.source})`);
    return { vault, crypto };
  } catch (error) {
    await vault.close();
    throw error;
  }
}
