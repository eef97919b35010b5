import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MasterKey, SqliteKeyVault, SubjectCrypto } from '#crypto';
import { keyVaultContract } from './key-vault.contract';

const folders: string[] = [];
function freshFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kv-'));
  folders.push(dir);
  return join(dir, 'keys.sqlite');
}
afterAll(() => folders.forEach((d) => rmSync(d, { recursive: true, force: true })));

keyVaultContract('sqlite', async () => SqliteKeyVault.open(freshFile()));

/** Every byte the vault has on disk: the database, its WAL and shared-memory index. */
function diskBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter(existsSync).map((f) => readFileSync(f)));
}

describe('sqlite key vault on disk', () => {
  const master = MasterKey.fromBytes(randomBytes(32));

  async function seed(
    file: string,
    subjects: string[],
  ): Promise<{ vault: SqliteKeyVault; crypto: SubjectCrypto; wrapped: Map<string, Buffer> }> {
    const vault = SqliteKeyVault.open(file);
    const crypto = await SubjectCrypto.open(vault, master);
    for (const s of subjects) await crypto.encrypt(s, `${s}@example.org`);
    const wrapped = new Map(
      await Promise.all(subjects.map(async (s) => [s, (await vault.findDataKey(s))!.wrapped] as const)),
    );
    return { vault, crypto, wrapped };
  }

  it('leaves no byte of a destroyed key in keys.sqlite or keys.sqlite-wal', async () => {
    const file = freshFile();
    const subjects = Array.from({ length: 50 }, () => randomUUID());
    const { vault, crypto, wrapped } = await seed(file, subjects);
    const victim = subjects[25]!;
    const raw = (await crypto.keys.getDataKey(victim))!.key.export();
    const victimWrapped = wrapped.get(victim)!;
    expect(diskBytes(file).includes(victimWrapped)).toBe(true);

    expect(await crypto.shred(victim)).toBe(true);
    const disk = diskBytes(file);
    expect(disk.includes(victimWrapped)).toBe(false);
    expect(disk.includes(victimWrapped.subarray(12, 44))).toBe(false);
    expect(disk.includes(raw)).toBe(false);
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
    for (const s of subjects.filter((x) => x !== victim)) expect(disk.includes(wrapped.get(s)!)).toBe(true);
    await vault.close();
  });

  it('shreds again a key restored from an old backup when reconciled against the log', async () => {
    const file = freshFile();
    const [erased, alive] = [randomUUID(), randomUUID()];
    const first = await seed(file, [erased, alive]);
    const envelope = await first.crypto.encrypt(erased, 'grace@example.org');
    await first.vault.close();
    copyFileSync(file, `${file}.backup`);

    const second = await seed(file, []);
    await second.crypto.shred(erased);
    await second.vault.close();

    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    copyFileSync(`${file}.backup`, file);
    const restored = await seed(file, []);
    expect(await restored.crypto.decrypt(erased, envelope)).toBe('grace@example.org');

    expect(await restored.crypto.reconcile([erased])).toEqual([erased]);
    await expect(restored.crypto.decrypt(erased, envelope)).rejects.toMatchObject({ code: 'CRYPTO.KEY_DESTROYED' });
    await expect(restored.crypto.encrypt(erased, 'again')).rejects.toMatchObject({ code: 'CRYPTO.SUBJECT_ERASED' });
    expect(diskBytes(file).includes(first.wrapped.get(erased)!)).toBe(false);
    expect(await restored.crypto.reconcile([erased])).toEqual([]);
    expect(await restored.crypto.decrypt(alive, await restored.crypto.encrypt(alive, 'still here'))).toBe('still here');
    await restored.vault.close();
  });

  it('refuses a file that belongs to something else', async () => {
    const file = freshFile();
    const other = new (require('better-sqlite3'))(file);
    other.exec('CREATE TABLE invoices (id INTEGER)');
    other.close();
    expect(() => SqliteKeyVault.open(file)).toThrow(
      expect.objectContaining({ code: 'CRYPTO.VAULT_UNAVAILABLE', setting: 'DATA_DIR' }),
    );
  });
});
