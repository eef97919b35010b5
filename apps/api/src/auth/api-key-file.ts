import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '#runtime';
import { generateApiKey, hashApiKey, type ApiKeyEntry } from './api-key';
import { isRole, type Role } from './roles';

/** Where keys live when API_KEYS_FILE is not set (and where the `ledger` CLI adds keys). */
export function defaultApiKeysFile(dataDir: string): string {
  return join(dataDir, 'api-keys.json');
}

/**
 * Reads a key file: a JSON list of `{ "name": "crm-frontend", "roles": ["crm"], "sha256": "<64 hex>" }`.
 * Any malformed entry stops the start, naming the setting, because a silently skipped key
 * locks out a client and a silently widened one lets in the wrong one.
 */
export function readApiKeysFile(file: string, setting = 'API_KEYS_FILE'): ApiKeyEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
    throw new ConfigError(setting, `the key file ${file} cannot be read as JSON (${reason})`);
  }
  if (!Array.isArray(parsed)) throw new ConfigError(setting, `the key file ${file} must hold a JSON list`);
  return parsed.map((entry, index) => parseEntry(entry, `${file} entry ${index}`, setting));
}

function parseEntry(raw: unknown, where: string, setting: string): ApiKeyEntry {
  const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { name, roles, sha256 } = entry;
  if (typeof name !== 'string' || name.trim() === '')
    throw new ConfigError(setting, `${where}: "name" must be a non-empty string`);
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw new ConfigError(setting, `${where}: "roles" must be a non-empty list of admin, crm, journey, auditor, dpo`);
  }
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(sha256)) {
    throw new ConfigError(setting, `${where}: "sha256" must be the 64 hex digits of the key's SHA-256`);
  }
  return { name, roles: [...new Set(roles)], sha256: sha256.toLowerCase() };
}

/** Written whole to a temporary file and renamed, so a reader never sees half a file; owner-only. */
export function writeApiKeysFile(file: string, entries: readonly ApiKeyEntry[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/** Adds a key to a key file (created if missing) and returns the clear key: the only time it exists. */
export function appendApiKey(file: string, name: string, roles: readonly Role[]): string {
  if (name.trim() === '') throw new Error('an API key needs a name');
  if (roles.length === 0 || !roles.every(isRole)) throw new Error(`unknown or missing roles: ${roles.join(', ')}`);
  const entries = existsSync(file) ? readApiKeysFile(file) : [];
  if (entries.some((entry) => entry.name === name)) throw new Error(`an API key named "${name}" already exists`);
  const clearKey = generateApiKey();
  writeApiKeysFile(file, [...entries, { name, roles: [...new Set(roles)], sha256: hashApiKey(clearKey) }]);
  return clearKey;
}

/** For the `ledger` CLI: a key in the data folder's key file. The api reads keys at start. */
export function createApiKey(dataDir: string, name: string, roles: readonly Role[]): string {
  return appendApiKey(defaultApiKeysFile(dataDir), name, roles);
}
