import { MasterKeyMismatchError } from './errors';
import type { MasterKey } from './master-key';
import type { KeyVault } from './key-vault.port';
import { keyCheckOpens, keyCheckRecord } from './vault-seal';

function otherIds(ids: Iterable<string>, own: string): string[] {
  return [...new Set(ids)].filter((id) => id !== own).sort();
}

/**
 * Runs before anything is decrypted. A fresh vault is sealed to the given key; a vault sealed
 * to another key, or one whose data keys are still wrapped under another key (an interrupted
 * rotation), is refused with MasterKeyMismatchError naming MASTER_KEY.
 */
export async function verifyMasterKey(vault: KeyVault, master: MasterKey): Promise<void> {
  const checks = (await vault.listSystemRecords()).filter((r) => r.name === 'key-check');
  const counts = await vault.countByMasterKey();
  const own = checks.find((c) => c.masterKeyId === master.id);
  if (own !== undefined && !keyCheckOpens(master, own)) {
    throw new MasterKeyMismatchError(
      master.id,
      [master.id],
      'its key-check value does not open (altered, or a different key with the same id)',
    );
  }
  if (own === undefined) {
    const expected = otherIds([...checks.map((c) => c.masterKeyId), ...counts.keys()], master.id);
    if (expected.length > 0) throw new MasterKeyMismatchError(master.id, expected);
    const stored = await vault.putSystemRecord(keyCheckRecord(master));
    if (!keyCheckOpens(master, stored)) throw new MasterKeyMismatchError(master.id, [stored.masterKeyId]);
  }
  const stale = otherIds(counts.keys(), master.id);
  if (stale.length > 0) {
    throw new MasterKeyMismatchError(
      master.id,
      stale,
      'some data keys are still wrapped under an older master key; rerun ledger rotate-master-key',
    );
  }
}
