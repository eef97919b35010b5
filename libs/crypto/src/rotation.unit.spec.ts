import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MasterKeyMismatchError } from './errors';
import { MasterKey } from './master-key';
import { rewrapAll } from './rotation';
import { SqliteKeyVault } from './sqlite/sqlite-key-vault';
import { SubjectCrypto } from './subject-crypto';

const newMaster = (): MasterKey => MasterKey.fromBytes(randomBytes(32));

describe('rewrapAll (ledger rotate-master-key)', () => {
  let dir: string;
  let vault: SqliteKeyVault;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rotation-'));
    vault = SqliteKeyVault.open(join(dir, 'keys.sqlite'));
  });
  afterEach(async () => {
    await vault.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function seed(
    master: MasterKey,
    count: number,
  ): Promise<{ subjects: string[]; envelopes: string[]; index: string }> {
    const crypto = await SubjectCrypto.open(vault, master);
    const subjects = Array.from({ length: count }, () => randomUUID());
    const envelopes = await Promise.all(subjects.map((s, i) => crypto.encrypt(s, `person-${i}@example.org`)));
    return { subjects, envelopes, index: crypto.blindIndex('email', 'ada@example.org') };
  }

  it('re-wraps every data key; old envelopes and blind indexes still work under the new key only', async () => {
    const [oldMaster, nextMaster] = [newMaster(), newMaster()];
    const { subjects, envelopes, index } = await seed(oldMaster, 1200);
    const erased = subjects[0]!;
    await (await SubjectCrypto.open(vault, oldMaster)).shred(erased);

    const result = await rewrapAll(vault, oldMaster, nextMaster);
    expect(result).toEqual({ fromMasterKeyId: oldMaster.id, toMasterKeyId: nextMaster.id, rewrapped: 1199 });
    expect(Object.fromEntries(await vault.countByMasterKey())).toEqual({ [nextMaster.id]: 1199 });

    const crypto = await SubjectCrypto.open(vault, nextMaster);
    expect(await crypto.decrypt(subjects[7]!, envelopes[7]!)).toBe('person-7@example.org');
    expect(crypto.blindIndex('email', 'ada@example.org')).toBe(index);
    expect(await crypto.isShredded(erased)).toBe(true);
    await expect(SubjectCrypto.open(vault, oldMaster)).rejects.toThrow(MasterKeyMismatchError);
  });

  it('refuses to start from a wrong old key and changes nothing', async () => {
    const [oldMaster, wrong, nextMaster] = [newMaster(), newMaster(), newMaster()];
    await seed(oldMaster, 3);
    await expect(rewrapAll(vault, wrong, nextMaster)).rejects.toThrow(MasterKeyMismatchError);
    expect(Object.fromEntries(await vault.countByMasterKey())).toEqual({ [oldMaster.id]: 3 });
  });

  it('resumes an interrupted rotation; the app refuses to start in between', async () => {
    const [oldMaster, nextMaster] = [newMaster(), newMaster()];
    const { subjects, envelopes } = await seed(oldMaster, 4);
    const rewrap = vault.rewrapDataKey.bind(vault);
    let calls = 0;
    vault.rewrapDataKey = async (...args) => {
      if (++calls === 3) throw new Error('power cut');
      return rewrap(...args);
    };
    await expect(rewrapAll(vault, oldMaster, nextMaster)).rejects.toThrow('power cut');
    vault.rewrapDataKey = rewrap;
    await expect(SubjectCrypto.open(vault, nextMaster)).rejects.toThrow(/still wrapped under an older master key/);
    await expect(SubjectCrypto.open(vault, oldMaster)).rejects.toThrow(MasterKeyMismatchError);

    expect((await rewrapAll(vault, oldMaster, nextMaster)).rewrapped).toBe(2);
    expect(await (await SubjectCrypto.open(vault, nextMaster)).decrypt(subjects[3]!, envelopes[3]!)).toBe(
      'person-3@example.org',
    );
  });

  it('refuses to rotate to the same key', async () => {
    const master = newMaster();
    await seed(master, 1);
    await expect(rewrapAll(vault, master, master)).rejects.toThrow(/equals the old one/);
  });
});
