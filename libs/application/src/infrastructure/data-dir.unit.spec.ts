import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDataDir, ensurePrivateFile } from './data-dir';

describe('ensureDataDir', () => {
  const root = mkdtempSync(join(tmpdir(), 'data-dir-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates missing folders on the way, owner only', () => {
    const dir = join(root, 'a', 'b', 'c');
    ensureDataDir(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(root, 'a')).mode & 0o777).toBe(0o700);
  });

  it('creates a store file 0600 and takes group and other access from an existing one, keeping its bytes', () => {
    const fresh = join(root, 'fresh.sqlite');
    ensurePrivateFile(fresh);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    const old = join(root, 'old.sqlite');
    writeFileSync(old, 'kept');
    chmodSync(old, 0o644);
    ensurePrivateFile(old);
    expect(statSync(old).mode & 0o777).toBe(0o600);
    expect(readFileSync(old, 'utf8')).toBe('kept');
  });

  it('names DATA_DIR when a file stands where a folder should be', () => {
    writeFileSync(join(root, 'file'), 'x');
    expect(() => ensureDataDir(join(root, 'file', 'data'))).toThrow(/^DATA_DIR: the data folder .* cannot be created or written \(ENOTDIR\)$/);
  });

  it('answers at once where the file system refuses mkdir with ENOENT (/proc)', () => {
    expect(() => ensureDataDir('/proc/privacy-ledger-data')).toThrow(/^DATA_DIR: .*\(ENOENT\)$/);
  });

});
