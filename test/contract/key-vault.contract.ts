import { randomBytes, randomUUID } from 'node:crypto';
import { MasterKey, SubjectCrypto, type KeyVault, type WrappedDataKey } from '#crypto';

export type OpenVault = () => Promise<KeyVault>;
export type DisposeVault = (vault: KeyVault) => Promise<void>;

function record(masterKeyId = 'aaaaaaaa', subjectId = randomUUID()): WrappedDataKey {
  return {
    subjectId,
    keyId: randomBytes(8).toString('hex'),
    masterKeyId,
    wrapped: randomBytes(60),
    createdAt: '2025-01-01T00:00:00.000Z',
  };
}

const AT = '2025-02-01T00:00:00.000Z';

/** One suite every KeyVault adapter must pass; `open` gives a fresh, empty vault per test. */
export function keyVaultContract(name: string, open: OpenVault, dispose: DisposeVault = (v) => v.close()): void {
  describe(`key vault contract: ${name}`, () => {
    let vault: KeyVault;
    beforeEach(async () => {
      vault = await open();
    });
    afterEach(async () => dispose(vault));

    it('stores a wrapped key and returns the same bytes', async () => {
      const r = record();
      expect(await vault.insertDataKey(r)).toEqual({ status: 'inserted', record: r });
      const found = await vault.findDataKey(r.subjectId);
      expect(found?.keyId).toBe(r.keyId);
      expect(Buffer.from(found!.wrapped).equals(r.wrapped)).toBe(true);
      expect(await vault.findDataKey(randomUUID())).toBeUndefined();
    });

    it('keeps the first key when a second is inserted for the same subject', async () => {
      const first = record();
      await vault.insertDataKey(first);
      const outcome = await vault.insertDataKey({ ...record(), subjectId: first.subjectId });
      expect(outcome.status).toBe('exists');
      expect(outcome.status === 'exists' && outcome.record.keyId).toBe(first.keyId);
    });

    it('lets exactly one of many concurrent inserts win', async () => {
      const subjectId = randomUUID();
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, () => vault.insertDataKey(record('aaaaaaaa', subjectId))),
      );
      const keyIds = outcomes.map((o) => (o.status === 'erased' ? 'erased' : o.record.keyId));
      expect(outcomes.filter((o) => o.status === 'inserted')).toHaveLength(1);
      expect(new Set(keyIds).size).toBe(1);
    });

    it('destroys a key, leaves a tombstone, and reports only keys it removed', async () => {
      const kept = record();
      const gone = record();
      const neverHadKey = randomUUID();
      await vault.insertDataKey(kept);
      await vault.insertDataKey(gone);
      expect(await vault.destroyDataKeys([gone.subjectId, neverHadKey], AT)).toEqual([gone.subjectId]);
      expect(await vault.findDataKey(gone.subjectId)).toBeUndefined();
      expect(await vault.isDestroyed(gone.subjectId)).toBe(true);
      expect(await vault.isDestroyed(neverHadKey)).toBe(true);
      expect(await vault.isDestroyed(kept.subjectId)).toBe(false);
      expect((await vault.findDataKey(kept.subjectId))?.keyId).toBe(kept.keyId);
    });

    it('finds the keys of many subjects at once, leaving out unknown and destroyed ones', async () => {
      const [a, b, gone] = [record(), record(), record()];
      for (const r of [a, b, gone]) await vault.insertDataKey(r);
      await vault.destroyDataKeys([gone.subjectId], AT);
      const found = await vault.findDataKeys([b.subjectId, randomUUID(), a.subjectId, gone.subjectId, a.subjectId]);
      expect(found.map((r) => [r.subjectId, r.keyId]).sort()).toEqual([a, b].map((r) => [r.subjectId, r.keyId]).sort());
      expect(Buffer.from(found.find((r) => r.subjectId === a.subjectId)!.wrapped).equals(a.wrapped)).toBe(true);
      expect(await vault.findDataKeys([])).toEqual([]);
    });

    it('destroying twice removes nothing the second time', async () => {
      const r = record();
      await vault.insertDataKey(r);
      await vault.destroyDataKeys([r.subjectId], AT);
      expect(await vault.destroyDataKeys([r.subjectId], AT)).toEqual([]);
    });

    it('refuses a new key for a subject with a tombstone', async () => {
      const r = record();
      await vault.insertDataKey(r);
      await vault.destroyDataKeys([r.subjectId], AT);
      expect(await vault.insertDataKey({ ...record(), subjectId: r.subjectId })).toEqual({ status: 'erased' });
      expect(await vault.findDataKey(r.subjectId)).toBeUndefined();
    });

    it('pages keys by master key and re-wraps only while the expected master still wraps them', async () => {
      const old = await Promise.all(
        [record('11111111'), record('11111111'), record('11111111'), record('22222222')].map(
          async (r) => (await vault.insertDataKey(r), r),
        ),
      );
      expect(await vault.listDataKeys('11111111', 2)).toHaveLength(2);
      expect((await vault.listDataKeys('11111111', 10)).map((r) => r.subjectId).sort()).toEqual(
        old
          .slice(0, 3)
          .map((r) => r.subjectId)
          .sort(),
      );
      const target = old[0]!;
      const next = { masterKeyId: '33333333', wrapped: randomBytes(60) };
      expect(await vault.rewrapDataKey(target.subjectId, target.keyId, '22222222', next)).toBe(false);
      expect(await vault.rewrapDataKey(target.subjectId, target.keyId, '11111111', next)).toBe(true);
      expect(Buffer.from((await vault.findDataKey(target.subjectId))!.wrapped).equals(next.wrapped)).toBe(true);
      expect(Object.fromEntries(await vault.countByMasterKey())).toEqual({
        '11111111': 2,
        '22222222': 1,
        '33333333': 1,
      });
    });

    it('keeps the first system record per name and master key, and deletes them by master key', async () => {
      const first = { name: 'key-check' as const, masterKeyId: '11111111', blob: randomBytes(44) };
      expect(Buffer.from((await vault.putSystemRecord(first)).blob).equals(first.blob)).toBe(true);
      const again = await vault.putSystemRecord({ ...first, blob: randomBytes(44) });
      expect(Buffer.from(again.blob).equals(first.blob)).toBe(true);
      await vault.putSystemRecord({ name: 'blind-index', masterKeyId: '11111111', blob: randomBytes(60) });
      await vault.putSystemRecord({ name: 'key-check', masterKeyId: '22222222', blob: randomBytes(44) });
      await vault.deleteSystemRecords('11111111');
      expect((await vault.listSystemRecords()).map((r) => `${r.name}:${r.masterKeyId}`)).toEqual([
        'key-check:22222222',
      ]);
    });

    it('carries SubjectCrypto end to end: encrypt, shred, reconcile, reopen', async () => {
      const master = MasterKey.fromBytes(randomBytes(32));
      const crypto = await SubjectCrypto.open(vault, master);
      const [alive, erased] = [randomUUID(), randomUUID()];
      const envelope = await crypto.encrypt(alive, 'ada@example.org');
      await crypto.encrypt(erased, { city: 'Berlin' });
      expect(await crypto.reconcile([erased])).toEqual([erased]);
      const reopened = await SubjectCrypto.open(vault, master);
      expect(await reopened.decrypt(alive, envelope)).toBe('ada@example.org');
      expect(await reopened.isShredded(erased)).toBe(true);
      await expect(SubjectCrypto.open(vault, MasterKey.fromBytes(randomBytes(32)))).rejects.toMatchObject({
        code: 'CRYPTO.MASTER_KEY_MISMATCH',
      });
    });
  });
}
