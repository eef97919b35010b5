import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { MasterKeyConfigError } from './errors';
import { MasterKey, MASTER_KEY_BYTES, parseMasterKey } from './master-key';

export const DEV_MASTER_KEY_FILE = 'master.key';

export interface MasterKeySourceOptions {
  env?: NodeJS.ProcessEnv;
  /** `<DATA_DIR>`: where the development key lives in embedded mode. */
  dataDir: string;
  /** Embedded (SQLite) mode may generate a development key; production must be given one. */
  embedded: boolean;
}

export interface LoadedMasterKey {
  key: MasterKey;
  source: 'MASTER_KEY' | 'MASTER_KEY_FILE' | 'development';
  /** Lines for the caller to log at warn level; they name files and key ids, never key bytes. */
  warnings: string[];
}

function present(raw: string | undefined): string | undefined {
  return raw === undefined || raw.trim() === '' ? undefined : raw;
}

/** A key file holds the key as base64/hex text, or exactly 32 raw bytes. */
function readKeyFile(path: string): LoadedMasterKey {
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch (err) {
    throw new MasterKeyConfigError(
      'MASTER_KEY_FILE',
      `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const key =
    content.length === MASTER_KEY_BYTES
      ? MasterKey.fromBytes(content)
      : parseMasterKey(content.toString('utf8'), 'MASTER_KEY_FILE');
  content.fill(0);
  const warnings =
    (statSync(path).mode & 0o077) !== 0
      ? [`MASTER_KEY_FILE ${path} is readable by group or others; run chmod 600 on it`]
      : [];
  return { key, source: 'MASTER_KEY_FILE', warnings };
}

/** Creates the file exclusively with mode 0600, so a concurrent start never overwrites a key in use. */
function createDevKey(path: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, `${randomBytes(MASTER_KEY_BYTES).toString('base64')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function developmentKey(dataDir: string): LoadedMasterKey {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, DEV_MASTER_KEY_FILE);
  try {
    createDevKey(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = parseMasterKey(readFileSync(path, 'utf8'), 'MASTER_KEY_FILE');
  const warning =
    `No MASTER_KEY or MASTER_KEY_FILE set: using the development master key ${path} (id ${key.id}). ` +
    'Whoever holds this file can decrypt every subject; set MASTER_KEY in production and keep it apart from backups of the data folder.';
  return { key, source: 'development', warnings: [warning] };
}

/** Reads the master key once at start. MASTER_KEY and MASTER_KEY_FILE together are ambiguous and refused. */
export function loadMasterKey(options: MasterKeySourceOptions): LoadedMasterKey {
  const env = options.env ?? process.env;
  const inline = present(env.MASTER_KEY);
  const file = present(env.MASTER_KEY_FILE);
  if (inline && file)
    throw new MasterKeyConfigError('MASTER_KEY', 'set either MASTER_KEY or MASTER_KEY_FILE, not both');
  if (inline) return { key: parseMasterKey(inline, 'MASTER_KEY'), source: 'MASTER_KEY', warnings: [] };
  if (file) return readKeyFile(file.trim());
  if (options.embedded) return developmentKey(options.dataDir);
  throw new MasterKeyConfigError(
    'MASTER_KEY',
    'is not set; the production stack needs it (openssl rand -base64 32), or set MASTER_KEY_FILE',
  );
}
