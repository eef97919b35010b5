import type { AppConfig } from '../config/app-config';
import { ensureDataDir } from './data-dir';
import type { Infrastructure } from './infrastructure.module';
import { openSubjectCrypto, type StartupLog } from './open-key-vault';
import { openEventStore } from './open-event-store';
import { openReadStore } from './open-read-store';

/** Opens every store in order, closing what was opened if a later one fails. */
export async function openInfrastructure(config: AppConfig, log: StartupLog): Promise<Infrastructure> {
  ensureDataDir(config.dataDir);
  const eventStore = await openEventStore(config, log);
  try {
    const { vault, crypto } = await openSubjectCrypto(config, log);
    try {
      const readStore = await openReadStore(config, log);
      return { config, eventStore, keyVault: vault, crypto, readStore };
    } catch (error) {
      await vault.close();
      throw error;
    }
  } catch (error) {
    await eventStore.close();
    throw error;
  }
}
