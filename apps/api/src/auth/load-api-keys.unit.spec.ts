import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '#runtime';
import { findApiKey, hashApiKey } from './api-key';
import { appendApiKey, createApiKey, readApiKeysFile } from './api-key-file';
import { loadApiKeys } from './load-api-keys';

const dir = () => mkdtempSync(join(tmpdir(), 'ledger-keys-'));
const entry = (name: string, roles: unknown = ['crm'], sha256: unknown = hashApiKey(name)) => ({ name, roles, sha256 });

describe('loadApiKeys', () => {
  it('never generates a development key next to KurrentDB: that log would leak it', () => {
    for (const setting of ['KURRENTDB_CONNECTION_STRING', 'EVENTSTORE_CONNECTION_STRING']) {
      const print = jest.fn();
      const config = loadConfig({ DATA_DIR: dir(), [setting]: 'kurrentdb://localhost:2113?tls=false' });
      expect(() => loadApiKeys(config, print)).toThrow(`ADMIN_API_KEY: with ${setting} set, set ADMIN_API_KEY`);
      expect(print).not.toHaveBeenCalled();
    }
  });

  it('prints the development key through the given printer only, once', () => {
    const print = jest.fn();
    const config = loadConfig({ DATA_DIR: dir() });
    const [generated] = loadApiKeys(config, print);
    expect(print).toHaveBeenCalledTimes(1);
    const key = /(plk_\S+)/.exec(print.mock.calls[0][0])![1];
    expect(findApiKey([generated], key)).toBe(generated);
    expect(loadApiKeys(config, print)).toEqual([generated]);
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('refuses a name used twice across the sources', () => {
    const dataDir = dir();
    writeFileSync(join(dataDir, 'api-keys.json'), JSON.stringify([entry('ADMIN_API_KEY')]));
    expect(() => loadApiKeys(loadConfig({ DATA_DIR: dataDir, ADMIN_API_KEY: 'k'.repeat(30) }), jest.fn())).toThrow(
      /"ADMIN_API_KEY" is used twice/,
    );
  });
});

describe('readApiKeysFile', () => {
  const write = (content: unknown) => {
    const file = join(dir(), 'keys.json');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  it.each([
    ['not JSON', '{', /cannot be read as JSON/],
    ['not a list', { keys: [] }, /must hold a JSON list/],
    ['a blank name', [entry(' ')], /"name"/],
    ['an unknown role', [entry('x', ['root'])], /"roles"/],
    ['no roles', [entry('x', [])], /"roles"/],
    ['a clear key instead of a hash', [entry('x', ['crm'], 'plk_secret')], /"sha256"/],
  ])('refuses %s, naming API_KEYS_FILE', (_case, content, message) => {
    expect(() => readApiKeysFile(write(content))).toThrow(message);
    expect(() => readApiKeysFile(write(content))).toThrow(/^API_KEYS_FILE: /);
  });

  it('reads a valid file, normalising the hash to lower case', () => {
    const sha256 = hashApiKey('k').toUpperCase();
    expect(readApiKeysFile(write([entry('crm-frontend', ['crm', 'journey'], sha256)]))).toEqual([
      { name: 'crm-frontend', roles: ['crm', 'journey'], sha256: sha256.toLowerCase() },
    ]);
  });
});

describe('createApiKey', () => {
  it('returns the clear key once and keeps only its hash, owner-readable only', () => {
    const dataDir = dir();
    const key = createApiKey(dataDir, 'journey-engine', ['journey']);
    const file = join(dataDir, 'api-keys.json');
    expect(readFileSync(file, 'utf8')).not.toContain(key);
    expect(findApiKey(readApiKeysFile(file), key)).toMatchObject({ name: 'journey-engine', roles: ['journey'] });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a second key of the same name and unknown roles', () => {
    const file = join(dir(), 'keys.json');
    appendApiKey(file, 'auditor', ['auditor']);
    expect(() => appendApiKey(file, 'auditor', ['auditor'])).toThrow(/already exists/);
    expect(() => appendApiKey(file, 'x', ['root' as 'admin'])).toThrow(/unknown or missing roles/);
  });
});
