import { accessSync, constants } from 'node:fs';
import { makePrivateFolders } from '#sqlite';
import { ConfigError } from '../config/app-config';

/** Creates the data folder if needed and proves it is writable before anything opens a file in it. */
export function ensureDataDir(dataDir: string): void {
  try {
    makePrivateFolders(dataDir);
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError('DATA_DIR', `the data folder ${dataDir} cannot be created or written (${code})`);
  }
}
