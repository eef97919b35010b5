import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataKeyRing } from './data-key-ring';
import { SubjectErasedError } from './errors';
import { MasterKey } from './master-key';
import { SqliteKeyVault } from './sqlite/sqlite-key-vault';

describe('DataKeyRing', () => {
  let dir: string;
  let vault: SqliteKeyVault;
  const master = MasterKey.fromBytes(randomBytes(32));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ring-'));
    vault = SqliteKeyVault.open(join(dir, 'keys.sqlite'));
  });
  afterEach(async () => {
    await vault.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('caches unwrapped keys up to its size, least recently used out first', async () => {
    const ring = new DataKeyRing(vault, master, { cacheSize: 2 });
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    for (const s of [a, b, c]) await ring.getOrCreateDataKey(s);
    expect(ring.cachedCount).toBe(2);
    expect([ring.isCached(a), ring.isCached(b), ring.isCached(c)]).toEqual([false, true, true]);
    expect((await ring.getDataKey(a))?.keyId).toBe((await vault.findDataKey(a))?.keyId);
    expect(ring.isCached(a)).toBe(true);
  });

  it('prefetches the uncached keys of many subjects with one vault read', async () => {
    const subjects = [randomUUID(), randomUUID(), randomUUID()];
    const writer = new DataKeyRing(vault, master);
    const made = await Promise.all(subjects.map((s) => writer.getOrCreateDataKey(s)));
    const ring = new DataKeyRing(vault, master);
    await ring.getDataKey(subjects[0]!);
    const reads = { one: 0, many: [] as string[][] };
    const findDataKey = vault.findDataKey.bind(vault);
    const findDataKeys = vault.findDataKeys.bind(vault);
    vault.findDataKey = async (id) => (reads.one++, findDataKey(id));
    vault.findDataKeys = async (ids) => (reads.many.push([...ids]), findDataKeys(ids));
    const unknown = randomUUID();
    await ring.prefetch([...subjects, subjects[1]!, unknown]);
    expect(reads.many).toEqual([[subjects[1], subjects[2], unknown]]);
    for (const [i, s] of subjects.entries()) expect((await ring.getDataKey(s))?.keyId).toBe(made[i]!.keyId);
    expect(reads.one).toBe(0);
    await ring.prefetch(subjects);
    expect(reads.many).toHaveLength(1);
  });

  it('creates the key of a subject a prefetch found keyless without looking it up again', async () => {
    const ring = new DataKeyRing(vault, master);
    const [fresh, raced, erased] = [randomUUID(), randomUUID(), randomUUID()];
    await new DataKeyRing(vault, master).destroyDataKey(erased);
    expect([...(await ring.prefetch([fresh, raced, erased]))].sort()).toEqual([fresh, raced, erased].sort());
    // Another writer gives `raced` its key after the prefetch: the atomic insert answers with it.
    const theirs = await new DataKeyRing(vault, master).getOrCreateDataKey(raced);
    let lookups = 0;
    const findDataKey = vault.findDataKey.bind(vault);
    vault.findDataKey = async (id) => (lookups++, findDataKey(id));
    const made = await ring.getOrCreateDataKey(fresh);
    expect((await ring.getOrCreateDataKey(raced)).keyId).toBe(theirs.keyId);
    await expect(ring.getOrCreateDataKey(erased)).rejects.toThrow(SubjectErasedError);
    expect(lookups).toBe(0);
    expect((await findDataKey(fresh))?.keyId).toBe(made.keyId);
  });

  it('evicts the cached key when it destroys it, so nothing decrypts from memory afterwards', async () => {
    const ring = new DataKeyRing(vault, master);
    const subject = randomUUID();
    await ring.getOrCreateDataKey(subject);
    expect(ring.isCached(subject)).toBe(true);
    expect(await ring.destroyDataKey(subject)).toBe(true);
    expect(ring.isCached(subject)).toBe(false);
    expect(await ring.getDataKey(subject)).toBeUndefined();
    expect(await ring.isDestroyed(subject)).toBe(true);
    await expect(ring.getOrCreateDataKey(subject)).rejects.toThrow(SubjectErasedError);
  });

  it('does not cache a key whose read raced with its destruction', async () => {
    const ring = new DataKeyRing(vault, master);
    const subject = randomUUID();
    await new DataKeyRing(vault, master).getOrCreateDataKey(subject);
    const reading = ring.getDataKey(subject);
    await ring.destroyDataKey(subject);
    await reading;
    expect(ring.isCached(subject)).toBe(false);
  });

  it('gives concurrent first uses of one subject the same key', async () => {
    const rings = [new DataKeyRing(vault, master), new DataKeyRing(vault, master)];
    const subject = randomUUID();
    const keys = await Promise.all([...rings, ...rings].map((r) => r.getOrCreateDataKey(subject)));
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
    expect(new Set(keys.map((k) => k.key.export().toString('hex'))).size).toBe(1);
  });

  it('stamps tombstones with the injected clock', async () => {
    const ring = new DataKeyRing(vault, master, { clock: () => new Date('2030-01-02T03:04:05Z') });
    const subject = randomUUID();
    await ring.getOrCreateDataKey(subject);
    await ring.destroyDataKey(subject);
    const db = new (require('better-sqlite3'))(join(dir, 'keys.sqlite'), { readonly: true });
    expect(db.prepare('SELECT destroyed_at FROM tombstones').get()).toEqual({
      destroyed_at: '2030-01-02T03:04:05.000Z',
    });
    db.close();
  });
  it('gives a newly created key that the vault unwraps to the same bytes', async () => {
    const subject = randomUUID();
    const created = await new DataKeyRing(vault, master).getOrCreateDataKey(subject);
    const reloaded = await new DataKeyRing(vault, master).getDataKey(subject);
    expect(reloaded?.keyId).toBe(created.keyId);
    expect(reloaded?.key.export().equals(created.key.export())).toBe(true);
  });

  it('does not cache a key it created while a destroy of the subject ran', async () => {
    const subject = randomUUID();
    // The erasure lands while the new key's insert is on its way to the vault.
    const racing = Object.create(vault) as SqliteKeyVault;
    racing.insertDataKey = (record) => (ring.evict(subject), vault.insertDataKey(record));
    const ring = new DataKeyRing(racing, master);
    await ring.getOrCreateDataKey(subject);
    expect(ring.isCached(subject)).toBe(false);
  });
});
