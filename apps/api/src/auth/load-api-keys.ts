import { existsSync } from 'node:fs';
import { ConfigError, type AppConfig } from '#runtime';
import { generateApiKey, hashApiKey, type ApiKeyEntry } from './api-key';
import { defaultApiKeysFile, readApiKeysFile, writeApiKeysFile } from './api-key-file';

/** Shorter keys are guessable; `openssl rand -hex 24` (the documented way) gives 48 characters. */
const MIN_ADMIN_KEY_LENGTH = 24;

export type Print = (text: string) => void;

/**
 * The keys the api accepts: the key file (API_KEYS_FILE, else `<DATA_DIR>/api-keys.json` if it
 * exists) plus ADMIN_API_KEY. With neither, an embedded start creates a development admin key.
 */
export function loadApiKeys(config: AppConfig, print: Print): ApiKeyEntry[] {
  const entries = [...fileEntries(config, print), ...adminEntry(config)];
  const names = entries.map((entry) => entry.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new ConfigError('API_KEYS_FILE', `the key name "${duplicate}" is used twice`);
  if (entries.length === 0)
    throw new ConfigError('API_KEYS_FILE', 'no API keys are configured; set ADMIN_API_KEY or list keys in the file');
  return entries;
}

function fileEntries(config: AppConfig, print: Print): ApiKeyEntry[] {
  if (config.apiKeysFile) {
    if (!existsSync(config.apiKeysFile))
      throw new ConfigError('API_KEYS_FILE', `the key file ${config.apiKeysFile} does not exist`);
    return readApiKeysFile(config.apiKeysFile);
  }
  const file = defaultApiKeysFile(config.dataDir);
  if (existsSync(file)) return readApiKeysFile(file, 'DATA_DIR');
  if (config.adminApiKey) return [];
  // A development key printed to a container log would be a leaked production key.
  if (config.eventStoreConnectionString) {
    throw new ConfigError(
      'ADMIN_API_KEY',
      `with ${config.eventStoreSetting} set, set ADMIN_API_KEY or API_KEYS_FILE too`,
    );
  }
  return [createDevelopmentAdminKey(file, print)];
}

function adminEntry(config: AppConfig): ApiKeyEntry[] {
  if (!config.adminApiKey) return [];
  if (config.adminApiKey.length < MIN_ADMIN_KEY_LENGTH) {
    throw new ConfigError(
      'ADMIN_API_KEY',
      `must be at least ${MIN_ADMIN_KEY_LENGTH} characters, e.g. the output of: openssl rand -hex 24`,
    );
  }
  return [{ name: 'ADMIN_API_KEY', roles: ['admin'], sha256: hashApiKey(config.adminApiKey) }];
}

/** The clear key goes to stdout once, not through the logger: log lines are shipped and kept. */
function createDevelopmentAdminKey(file: string, print: Print): ApiKeyEntry {
  const clearKey = generateApiKey();
  const entry: ApiKeyEntry = { name: 'development-admin', roles: ['admin'], sha256: hashApiKey(clearKey) };
  writeApiKeysFile(file, [entry]);
  print(
    [
      '',
      'WARNING: no API keys were configured (API_KEYS_FILE, ADMIN_API_KEY), so a development admin key',
      `was generated. It is shown only this once; ${file} keeps just its SHA-256:`,
      '',
      `    ${clearKey}`,
      '',
      'Send it as "Authorization: Bearer <key>". Set ADMIN_API_KEY or API_KEYS_FILE outside local development.',
      '',
    ].join('\n'),
  );
  return entry;
}
