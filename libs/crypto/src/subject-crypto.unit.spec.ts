import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  IntegrityError,
  KeyDestroyedError,
  KeyNotFoundError,
  MasterKeyMismatchError,
  SubjectErasedError,
} from './errors';
import { MasterKey } from './master-key';
import { SqliteKeyVault } from './sqlite/sqlite-key-vault';
import { ERASED, isErased, SubjectCrypto } from './subject-crypto';

const newMaster = (): MasterKey => MasterKey.fromBytes(randomBytes(32));

describe('SubjectCrypto', () => {
  let dir: string;
  let vault: SqliteKeyVault;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'subject-crypto-'));
    vault = SqliteKeyVault.open(join(dir, 'keys.sqlite'));
  });
  afterEach(async () => {
    await vault.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('encrypts per subject and decrypts after a restart', async () => {
    const master = newMaster();
    const subject = randomUUID();
    const envelope = await (await SubjectCrypto.open(vault, master)).encrypt(subject, { email: 'ada@example.org' });
    expect(envelope).not.toContain('ada');
    expect(await (await SubjectCrypto.open(vault, master)).decrypt(subject, envelope)).toEqual({
      email: 'ada@example.org',
    });
  });

  it('refuses a wrong master key at open, naming MASTER_KEY and both key ids', async () => {
    const right = newMaster();
    await (await SubjectCrypto.open(vault, right)).encrypt(randomUUID(), 'x');
    const wrong = newMaster();
    const refusal = SubjectCrypto.open(vault, wrong);
    await expect(refusal).rejects.toThrow(MasterKeyMismatchError);
    await expect(refusal).rejects.toThrow(new RegExp(`MASTER_KEY \\(id ${wrong.id}\\).*${right.id}`));
  });

  it('refuses a key-check value that does not open under the key it names', async () => {
    const master = newMaster();
    await SubjectCrypto.open(vault, master);
    await vault.deleteSystemRecords(master.id);
    await vault.putSystemRecord({ name: 'key-check', masterKeyId: master.id, blob: randomBytes(60) });
    await expect(SubjectCrypto.open(vault, master)).rejects.toThrow(/key-check value does not open/);
  });

  it('shreds: decrypt raises KeyDestroyedError, decryptOrErased gives ERASED, no new key is made', async () => {
    const crypto = await SubjectCrypto.open(vault, newMaster());
    const subject = randomUUID();
    const envelope = await crypto.encrypt(subject, 'ada@example.org');
    expect(await crypto.shred(subject)).toBe(true);
    expect(await crypto.shred(subject)).toBe(false);
    await expect(crypto.decrypt(subject, envelope)).rejects.toThrow(KeyDestroyedError);
    const shown = await crypto.decryptOrErased(subject, envelope);
    expect(isErased(shown)).toBe(true);
    expect(JSON.stringify(shown)).toBe(JSON.stringify(ERASED));
    await expect(crypto.encrypt(subject, 'again')).rejects.toThrow(SubjectErasedError);
  });

  it('tells a missing key from a destroyed one, and an altered envelope from both', async () => {
    const crypto = await SubjectCrypto.open(vault, newMaster());
    const subject = randomUUID();
    const envelope = await crypto.encrypt(subject, 'x');
    await expect(crypto.decrypt(randomUUID(), envelope)).rejects.toThrow(KeyNotFoundError);
    await expect(
      crypto.decryptOrErased(
        subject,
        envelope.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      ),
    ).rejects.toThrow(IntegrityError);
  });

  it('refuses a wrapped data key that was altered in the vault', async () => {
    const master = newMaster();
    const subject = randomUUID();
    const envelope = await (await SubjectCrypto.open(vault, master)).encrypt(subject, 'x');
    const stored = (await vault.findDataKey(subject))!;
    await vault.rewrapDataKey(subject, stored.keyId, master.id, {
      masterKeyId: master.id,
      wrapped: Buffer.from(stored.wrapped).fill(7, 20, 21),
    });
    await expect((await SubjectCrypto.open(vault, master)).decrypt(subject, envelope)).rejects.toThrow(IntegrityError);
  });

  it('keeps one blind-index key per vault, so indexes survive a restart and differ between vaults', async () => {
    const master = newMaster();
    const index = (await SubjectCrypto.open(vault, master)).blindIndex('email', 'ada@example.org');
    expect((await SubjectCrypto.open(vault, master)).blindIndex('email', ' ADA@example.org')).toBe(index);
    const other = SqliteKeyVault.open(join(dir, 'other.sqlite'));
    expect((await SubjectCrypto.open(other, master)).blindIndex('email', 'ada@example.org')).not.toBe(index);
    await other.close();
  });

  it('reconciles: destroys keys of erased subjects and leaves tombstones for the rest', async () => {
    const crypto = await SubjectCrypto.open(vault, newMaster());
    const [withKey, withoutKey, alive] = [randomUUID(), randomUUID(), randomUUID()];
    await crypto.encrypt(withKey, 'x');
    const aliveEnvelope = await crypto.encrypt(alive, 'y');
    expect(await crypto.reconcile(new Set([withKey, withoutKey]))).toEqual([withKey]);
    await expect(crypto.encrypt(withoutKey, 'z')).rejects.toThrow(SubjectErasedError);
    expect(await crypto.decrypt(alive, aliveEnvelope)).toBe('y');
  });
});
