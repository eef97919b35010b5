import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../config/app-config';

/**
 * Creates the folder one level at a time. Node's `mkdirSync(..., { recursive: true })` never
 * returns on some file systems that refuse mkdir with ENOENT (e.g. under /proc on Node 20).
 */
function makeFolders(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeFolders(parent);
  mkdirSync(dir);
}

/** Creates the data folder if needed and proves it is writable before anything opens a file in it. */
export function ensureDataDir(dataDir: string): void {
  try {
    makeFolders(dataDir);
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError('DATA_DIR', `the data folder ${dataDir} cannot be created or written (${code})`);
  }
}
