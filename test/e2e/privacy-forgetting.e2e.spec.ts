import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, READ_STORE, SUBJECT_CRYPTO } from '#runtime';
import { KeyDestroyedError, SqliteKeyVault, type SubjectCrypto } from '#crypto';
import type { EventStore } from '#event-store';
import { subjectStreamName } from '#domain';
import { CONTACTABILITY_ROWS, SUBJECT_PROFILES } from '#projections';
import type { ReadStore } from '#read-store';
import { bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';
import { hitsIn, scanFolder } from './support/data-scan';
import { PERSON, expectStatus, privacyDriver } from './support/privacy-driver';

const ENVELOPE = /enc:v1:[A-Za-z0-9_:-]+/g;
const KEY_FILES = ['keys.sqlite', 'keys.sqlite-wal'];

function clearTextHits(dir: string): string[] {
  return hitsIn(scanFolder(dir), Object.values(PERSON));
}

/**
 * The proof of forgetting (Art. 17): after erasure no file of the data folder and no read-model
 * document holds the person in clear text, and no envelope of theirs can be decrypted any more,
 * not even after a key-vault backup from before the erasure is restored.
 */
describe('privacy: proof of forgetting (e2e)', () => {
  const dataDir = tempDataDir();
  const backup = tempDataDir();
  let booted: BootedApp;
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(backup, { recursive: true, force: true });
  });

  it('leaves nothing of the person in any file or document, and a restored vault backup is shredded again on start', async () => {
    const keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir });
    const api = privacyDriver(booted.app, keys);
    await api.defineTopic('news-forget');
    const id = await api.registerPerson('news-forget');
    expectStatus(await api.send('PATCH', `/subjects/${id}/profile`, 'crm', { lastName: PERSON.lastName }), 200);
    expectStatus(await api.send('PUT', `/subjects/${id}/external-ids/shop`, 'crm', { id: PERSON.crmId }), 200);
    expect(await findByExternalId(booted, api, `shop:${PERSON.crmId}`)).toEqual([id]);
    expect(clearTextHits(dataDir)).toEqual([]);

    for (const file of KEY_FILES)
      if (existsSync(join(dataDir, file))) copyFileSync(join(dataDir, file), join(backup, file));
    const store = booted.app.get<EventStore>(EVENT_STORE);
    const envelopes = JSON.stringify(await store.readStream(subjectStreamName(id))).match(ENVELOPE) ?? [];
    expect(envelopes.length).toBeGreaterThanOrEqual(4);

    expectStatus(await api.send('POST', `/subjects/${id}/erasure`, 'dpo', {}), 200);
    const crypto = booted.app.get<SubjectCrypto>(SUBJECT_CRYPTO);
    for (const envelope of envelopes)
      await expect(crypto.decrypt(id, envelope)).rejects.toBeInstanceOf(KeyDestroyedError);
    expect(await crypto.keys.getDataKey(id)).toBeUndefined();
    await expectProfileDropped(booted, id);
    expect(await findByExternalId(booted, api, `crm:${PERSON.crmId}`)).toEqual([]);
    expect(await findByExternalId(booted, api, `shop:${PERSON.crmId}`)).toEqual([]);
    await booted.close();

    expect(clearTextHits(dataDir)).toEqual([]);
    expect(await vaultHoldsKey(dataDir, id)).toBe(false);

    // A backup of the vault from before the erasure comes back: the log decides, the key goes again.
    for (const file of KEY_FILES) rmSync(join(dataDir, file), { force: true });
    for (const file of KEY_FILES)
      if (existsSync(join(backup, file))) copyFileSync(join(backup, file), join(dataDir, file));
    expect(await vaultHoldsKey(dataDir, id)).toBe(true);
    booted = await bootApp({ dataDir });
    const again = booted.app.get<SubjectCrypto>(SUBJECT_CRYPTO);
    for (const envelope of envelopes)
      await expect(again.decrypt(id, envelope)).rejects.toBeInstanceOf(KeyDestroyedError);
    await booted.close();
    expect(await vaultHoldsKey(dataDir, id)).toBe(false);
    expect(clearTextHits(dataDir)).toEqual([]);
  });
});

/** Subject ids linked to `system:id`, once the read models have caught up with the log. */
async function findByExternalId(
  booted: BootedApp,
  api: ReturnType<typeof privacyDriver>,
  reference: string,
): Promise<string[]> {
  const head = await booted.app.get<EventStore>(EVENT_STORE).headPosition();
  const url = `/subjects?externalId=${encodeURIComponent(reference)}`;
  const res = await api.send('GET', url, 'crm', undefined, { 'x-min-position': String(head) });
  expectStatus(res, 200);
  return res.json().items.map((item: { subjectId: string }) => item.subjectId);
}

async function vaultHoldsKey(dir: string, subjectId: string): Promise<boolean> {
  const vault = SqliteKeyVault.open(join(dir, 'keys.sqlite'));
  try {
    return (await vault.findDataKey(subjectId)) !== undefined;
  } finally {
    await vault.close();
  }
}

/** The profile read model keeps no lookup keys and no personal field once the subject is erased. */
async function expectProfileDropped(booted: BootedApp, subjectId: string): Promise<void> {
  const readStore = booted.app.get<ReadStore>(READ_STORE);
  const deadline = Date.now() + 5_000;
  let doc: Record<string, unknown> | undefined;
  while (Date.now() < deadline) {
    doc = (await readStore.get(SUBJECT_PROFILES, subjectId))?.doc;
    if (doc?.erased === true) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(doc).toMatchObject({ erased: true, profile: {} });
  const text = JSON.stringify(doc);
  expect(text).not.toMatch(ENVELOPE);
  expect((doc?.lookupKeys as unknown[] | undefined) ?? []).toEqual([]);
  expect(doc?.externalIds).toEqual([]);
  for (const value of Object.values(PERSON)) expect(text).not.toContain(value);
  // The contactability row, written in the same commit, keeps the erasure and nothing of the person.
  const row = (await readStore.get(CONTACTABILITY_ROWS, subjectId))?.doc;
  expect(row).toMatchObject({ erased: true });
  const rowText = JSON.stringify(row);
  expect(rowText).not.toMatch(ENVELOPE);
  expect(rowText).not.toMatch(/lookup|address|reason/i);
  for (const value of Object.values(PERSON)) expect(rowText).not.toContain(value);
}
