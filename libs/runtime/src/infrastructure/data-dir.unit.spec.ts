import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDataDir } from './data-dir';

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

  it('names DATA_DIR when a file stands where a folder should be', () => {
    writeFileSync(join(root, 'file'), 'x');
    expect(() => ensureDataDir(join(root, 'file', 'data'))).toThrow(
      /^DATA_DIR: the data folder .* cannot be created or written \(ENOTDIR\)$/,
    );
  });

  it('answers at once where the file system refuses mkdir with ENOENT (/proc)', () => {
    expect(() => ensureDataDir('/proc/privacy-ledger-data')).toThrow(/^DATA_DIR: .*\(ENOENT\)$/);
  });
});
