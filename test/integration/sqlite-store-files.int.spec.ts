import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteKeyVault } from '#crypto';
import { SqliteEventStore } from '#event-store';
import { SqliteReadStore } from '#read-store';

/** The three embedded stores open their files through #sqlite alike, whoever calls them. */
const stores: [string, (file: string) => Promise<{ close(): Promise<void> | void }>][] = [
  ['event store', async (file) => new SqliteEventStore(file)],
  ['read store', (file) => SqliteReadStore.open(file)],
  ['key vault', async (file) => SqliteKeyVault.open(file)],
];

const root = mkdtempSync(join(tmpdir(), 'store-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const mode = (path: string): number => statSync(path).mode & 0o777;

describe.each(stores)('the embedded %s on disk', (name, open) => {
  const folder = join(root, name.replace(' ', '-'));

  it('creates its folder owner only and its file and WAL 0600 when opened directly', async () => {
    const file = join(folder, 'new', 'store.sqlite');
    const store = await open(file);
    expect(mode(join(folder, 'new'))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    if (existsSync(`${file}-wal`)) expect(mode(`${file}-wal`)).toBe(0o600);
    await store.close();
  });

  it('refuses a foreign file before SQLite opens it, naming DATA_DIR and leaving it untouched', async () => {
    const file = join(folder, 'foreign.sqlite');
    writeFileSync(file, 'name,email\nada,ada@example.com\n');
    chmodSync(file, 0o644);
    await expect(open(file)).rejects.toThrow(/not an SQLite database \(corrupt or foreign\)\. Set DATA_DIR/);
    expect(readFileSync(file, 'utf8')).toBe('name,email\nada,ada@example.com\n');
    expect(mode(file)).toBe(0o644);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
