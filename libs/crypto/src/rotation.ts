import { IntegrityError, MasterKeyMismatchError } from './errors';
import type { KeyVault } from './key-vault.port';
import type { MasterKey } from './master-key';
import { verifyMasterKey } from './master-key-check';
import {
  keyCheckOpens,
  keyCheckRecord,
  loadBlindIndexKey,
  openSystemRecord,
  sealSystemRecord,
  unwrapDataKey,
  wrapDataKey,
} from './vault-seal';

export interface RotationResult {
  fromMasterKeyId: string;
  toMasterKeyId: string;
  rewrapped: number;
}

const PAGE = 500;

/** The new master key gets its key-check value and its own wrapping of the same blind-index key. */
async function sealSystemRecordsFor(vault: KeyVault, oldMaster: MasterKey, newMaster: MasterKey): Promise<void> {
  await loadBlindIndexKey(vault, oldMaster);
  const records = await vault.listSystemRecords();
  const blind = records.find((r) => r.name === 'blind-index' && r.masterKeyId === oldMaster.id)!;
  const secret = openSystemRecord(oldMaster, blind);
  if (secret === undefined) throw new IntegrityError('the blind-index key in the vault was altered');
  await vault.putSystemRecord(sealSystemRecord(newMaster, 'blind-index', secret));
  secret.fill(0);
  await vault.putSystemRecord(keyCheckRecord(newMaster));
}

async function rewrapPage(vault: KeyVault, oldMaster: MasterKey, newMaster: MasterKey): Promise<number> {
  const page = await vault.listDataKeys(oldMaster.id, PAGE);
  for (const record of page) {
    const raw = unwrapDataKey(oldMaster, record).export();
    const wrapped = wrapDataKey(newMaster, record.subjectId, record.keyId, raw);
    raw.fill(0);
    await vault.rewrapDataKey(record.subjectId, record.keyId, oldMaster.id, { masterKeyId: newMaster.id, wrapped });
  }
  return page.length;
}

async function assertKeyCheck(vault: KeyVault, master: MasterKey): Promise<void> {
  const checks = (await vault.listSystemRecords()).filter((r) => r.name === 'key-check');
  const own = checks.find((c) => c.masterKeyId === master.id);
  if (own === undefined || !keyCheckOpens(master, own))
    throw new MasterKeyMismatchError(
      master.id,
      checks.map((c) => c.masterKeyId),
    );
}

/** A fresh rotation needs a vault the old key fully opens; a resumed one, both key-check values. */
async function checkBothKeys(vault: KeyVault, oldMaster: MasterKey, newMaster: MasterKey): Promise<void> {
  const checks = (await vault.listSystemRecords()).filter((r) => r.name === 'key-check').map((r) => r.masterKeyId);
  if (!checks.includes(newMaster.id)) return verifyMasterKey(vault, oldMaster);
  await assertKeyCheck(vault, oldMaster);
  await assertKeyCheck(vault, newMaster);
}

/**
 * `ledger rotate-master-key`: re-wraps every data key under the new master key in one pass.
 * Events are untouched (envelopes name data keys, not master keys). Safe to rerun after an
 * interruption: keys already moved are no longer listed under the old id. The old master's
 * records go last, so until then the old key still opens the vault. Run it with the api
 * stopped: a key created under the old master during the pass makes the final check refuse.
 */
export async function rewrapAll(vault: KeyVault, oldMaster: MasterKey, newMaster: MasterKey): Promise<RotationResult> {
  if (oldMaster.id === newMaster.id)
    throw new MasterKeyMismatchError(newMaster.id, [oldMaster.id], 'the new master key equals the old one');
  await checkBothKeys(vault, oldMaster, newMaster);
  await sealSystemRecordsFor(vault, oldMaster, newMaster);
  let rewrapped = 0;
  for (
    let moved = await rewrapPage(vault, oldMaster, newMaster);
    moved > 0;
    moved = await rewrapPage(vault, oldMaster, newMaster)
  ) {
    rewrapped += moved;
  }
  await vault.deleteSystemRecords(oldMaster.id);
  await verifyMasterKey(vault, newMaster);
  return { fromMasterKeyId: oldMaster.id, toMasterKeyId: newMaster.id, rewrapped };
}
