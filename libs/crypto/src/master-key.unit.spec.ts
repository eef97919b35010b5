import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { MasterKeyConfigError } from './errors';
import { MasterKey, parseMasterKey } from './master-key';
import { loadMasterKey } from './master-key-source';

describe('master key', () => {
  const bytes = randomBytes(32);
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'master-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['hex', bytes.toString('hex')],
    ['base64', bytes.toString('base64')],
    ['base64url', bytes.toString('base64url')],
    ['base64 with whitespace', `  ${bytes.toString('base64')}\n`],
  ])('reads %s and names the key by the first 8 hex of its SHA-256', (_, text) => {
    expect(parseMasterKey(text).id).toBe(id);
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['not a key', 'correct horse battery staple'],
    ['too long', randomBytes(33).toString('hex')],
  ])('refuses a key that is %s without echoing it', (_, text) => {
    expect(() => parseMasterKey(text)).toThrow(MasterKeyConfigError);
    expect(() => parseMasterKey(text)).not.toThrow(text);
  });

  it('never shows its bytes when inspected or serialised', () => {
    const key = MasterKey.fromBytes(bytes);
    expect(JSON.stringify(key)).toBe(JSON.stringify({ id }));
    expect(inspect(key, { depth: 5 })).not.toContain(bytes.toString('hex'));
    expect(inspect(key, { depth: 5 })).not.toContain(bytes.toString('base64'));
  });

  it('prefers MASTER_KEY, reads MASTER_KEY_FILE (text or 32 raw bytes), refuses both at once', () => {
    const file = join(dir, 'key');
    writeFileSync(file, bytes, { mode: 0o600 });
    expect(loadMasterKey({ env: { MASTER_KEY: bytes.toString('hex') }, dataDir: dir, embedded: false })).toMatchObject({
      source: 'MASTER_KEY',
      warnings: [],
    });
    expect(loadMasterKey({ env: { MASTER_KEY_FILE: file }, dataDir: dir, embedded: false }).key.id).toBe(id);
    writeFileSync(file, `${bytes.toString('base64')}\n`);
    expect(loadMasterKey({ env: { MASTER_KEY_FILE: file }, dataDir: dir, embedded: false }).key.id).toBe(id);
    expect(() =>
      loadMasterKey({ env: { MASTER_KEY: 'x', MASTER_KEY_FILE: file }, dataDir: dir, embedded: true }),
    ).toThrow(/not both/);
  });

  it('warns about a key file others can read', () => {
    const file = join(dir, 'key');
    writeFileSync(file, bytes);
    chmodSync(file, 0o644);
    expect(loadMasterKey({ env: { MASTER_KEY_FILE: file }, dataDir: dir, embedded: false }).warnings[0]).toMatch(
      /chmod 600/,
    );
  });

  it('refuses to start in production without a key, naming MASTER_KEY', () => {
    expect(() => loadMasterKey({ env: {}, dataDir: dir, embedded: false })).toThrow(
      expect.objectContaining({ setting: 'MASTER_KEY' }),
    );
  });

  it('generates a development key once in embedded mode, mode 0600, with a warning that holds no key bytes', () => {
    const dataDir = join(dir, 'data');
    const first = loadMasterKey({ env: {}, dataDir, embedded: true });
    const path = join(dataDir, 'master.key');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(first.source).toBe('development');
    expect(first.warnings[0]).toContain(first.key.id);
    expect(first.warnings[0]).not.toContain(readFileSync(path, 'utf8').trim());
    expect(loadMasterKey({ env: { MASTER_KEY: '  ' }, dataDir, embedded: true }).key.id).toBe(first.key.id);
  });
});
