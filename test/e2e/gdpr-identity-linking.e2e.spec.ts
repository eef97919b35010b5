import { rmSync } from 'node:fs';
import { EVENT_STORE, READ_STORE } from '#runtime';
import type { EventStore } from '#event-store';
import { SUBJECT_PROFILES } from '#projections';
import type { ReadStore } from '#read-store';
import { bearer, createRoleKeys, tempDataDir } from './support/boot';
import { hitsIn, scanFolder } from './support/data-scan';
import { ReadSideDriver } from './read-side.driver';

/** Values no other test writes, so a byte scan of the data folder can only find this subject's. */
const CRM_ID = 'CRM-LINK-8802741';
const SHOP_ID = 'SHOP:K-55019';

type Summary = { subjectId: string; externalIds: Array<{ system: string; id: unknown }> };

/**
 * Identity linking as a CRM integrator uses it, article by article: Art. 5(1)(d) and 16 (the
 * subject is found by the id the CRM knows, and a wrong id is corrected), Art. 17 (erased with
 * the person: not found, and the id nowhere in the data folder).
 */
describe('GDPR: identity linking by external ids (e2e)', () => {
  const dataDir = tempDataDir();
  const keys = createRoleKeys(dataDir);
  let api: ReadSideDriver;
  let store: EventStore;
  const start = async () => {
    api = await ReadSideDriver.bootOn(dataDir, keys);
    store = api.app.get<EventStore>(EVENT_STORE);
  };
  beforeAll(start);
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const lookup = async (reference: string, role = 'crm') => {
    const res = await api.query(`/subjects?externalId=${encodeURIComponent(reference)}`, role);
    expect(res.statusCode).toBe(200);
    return (res.json().items as Summary[]).map((item) => item.subjectId);
  };
  const register = (externalIds: Array<{ system: string; id: string }>, address = 'linked@example.org') =>
    api.command('POST', '/subjects', 'crm', {
      locale: 'de-DE',
      contactPoints: [{ channel: 'email', address }],
      externalIds,
    });

  it('Art. 5(1)(d): given a subject registered with crm:4711, when the CRM looks it up, then it is found', async () => {
    const { subjectId } = await register([
      { system: 'crm', id: '4711' },
      { system: 'shop', id: SHOP_ID },
    ]);
    expect(await lookup('crm:4711')).toEqual([subjectId]);
    // The first `:` separates system and id; the id is exact, and another system's 4711 is another person.
    expect(await lookup(`shop:${SHOP_ID}`)).toEqual([subjectId]);
    expect(await lookup('erp:4711')).toEqual([]);

    const found = (await api.query('/subjects?externalId=crm:4711', 'crm')).json().items[0] as Summary;
    expect(found.externalIds).toEqual([
      { system: 'crm', id: '4711', eventId: expect.any(String) },
      { system: 'shop', id: SHOP_ID, eventId: expect.any(String) },
    ]);
    const audited = (await api.query(`/subjects/${subjectId}`, 'auditor')).json();
    expect(audited.externalIds[0]).toMatchObject({ system: 'crm', id: { redacted: true } });
    expect((await api.query(`/subjects/${subjectId}`, 'journey')).json().externalIds).toBeUndefined();
    // Stored only encrypted: the event carries an envelope, never the id.
    const stored = JSON.stringify(await store.readStream(`subject-${subjectId}`));
    expect(stored).not.toContain(SHOP_ID);
  });

  it('Art. 16: the CRM corrects the id and unlinks it; a second subject with the same id is found beside the first', async () => {
    const { subjectId } = await register([{ system: 'crm', id: '5001' }]);
    await api.command('PUT', `/subjects/${subjectId}/external-ids/crm`, 'crm', { id: '5002' });
    expect(await lookup('crm:5001')).toEqual([]);
    expect(await lookup('crm:5002')).toEqual([subjectId]);
    const again = await api.command('PUT', `/subjects/${subjectId}/external-ids/crm`, 'crm', { id: '5002' });
    expect(again.events).toEqual([]);

    // The ledger does not arbitrate identities: a duplicate shows up in the lookup, for the CRM to merge.
    const twin = (await register([{ system: 'crm', id: '5002' }], 'twin@example.org')).subjectId;
    expect((await lookup('crm:5002')).sort()).toEqual([subjectId, twin].sort());

    await api.command('DELETE', `/subjects/${subjectId}/external-ids/crm`, 'crm');
    expect(await lookup('crm:5002')).toEqual([twin]);
    const history = (await api.query(`/subjects/${subjectId}/history`, 'auditor')).json();
    expect(history.map((entry: { type: string }) => entry.type)).toEqual([
      'SubjectRegistered',
      'ExternalIdLinked',
      'ExternalIdUnlinked',
    ]);
  });

  it('Art. 17: after erasure the subject is not found by its external id, and the id is nowhere in the data folder', async () => {
    const { subjectId } = await register([{ system: 'crm', id: CRM_ID }], 'erase.linked@example.org');
    expect(await lookup(`crm:${CRM_ID}`)).toEqual([subjectId]);
    const lookupKey = await profileLookupKey(subjectId);
    // The scan below can see a blind index: before the erasure the read store holds this one.
    expect(hitsIn(scanFolder(dataDir), [lookupKey.slice('externalId:'.length)])).not.toEqual([]);

    await api.command('POST', `/subjects/${subjectId}/erasure`, 'dpo', {});
    expect(await lookup(`crm:${CRM_ID}`)).toEqual([]);
    const doc = (await api.app.get<ReadStore>(READ_STORE).get(SUBJECT_PROFILES, subjectId))?.doc;
    expect(doc).toMatchObject({ erased: true, externalIds: [], lookupKeys: [] });

    await api.close();
    const files = scanFolder(dataDir);
    expect(files.size).toBeGreaterThan(3);
    expect(hitsIn(files, [CRM_ID, lookupKey.slice('externalId:'.length)])).toEqual([]);
    await start();
  });

  it('an import sets them: NDJSON `externalIds` and CSV `externalId.<system>` columns; a bad one is refused by line and field', async () => {
    const ndjson = [
      {
        kind: 'subject',
        sourceSystem: 'crm',
        externalId: 'C-1',
        locale: 'de-DE',
        externalIds: [{ system: 'crm', id: '7001' }],
      },
      {
        kind: 'subject',
        sourceSystem: 'crm',
        externalId: 'C-2',
        locale: 'de-DE',
        externalIds: [{ system: 'Crm', id: '7002' }],
      },
    ]
      .map((record) => JSON.stringify(record))
      .join('\n');
    const csv = 'kind,sourceSystem,externalId,locale,externalId.crm,externalId.erp\nsubject,crm,C-3,de-DE,7003,E-9\n';
    const report = await importBody(ndjson, 'application/x-ndjson');
    expect(report).toMatchObject({
      imported: 1,
      refused: 1,
      refusals: [{ line: 2, field: 'externalIds[0].system', code: 'EXTERNAL_ID.SYSTEM_INVALID' }],
    });
    expect(await importBody(csv, 'text/csv')).toMatchObject({ imported: 1, refused: 0 });
    api.position = await store.headPosition();

    const [fromNdjson] = await lookup('crm:7001');
    const [fromCsv] = await lookup('crm:7003');
    expect(fromNdjson).toBeDefined();
    expect(await lookup('erp:E-9')).toEqual([fromCsv]);
    expect(await lookup('crm:7002')).toEqual([]);
  });

  it('bad input: 400 naming the field and the rule, nothing written', async () => {
    const { subjectId } = await register([{ system: 'crm', id: '6001' }], 'bad.input@example.org');
    const head = await store.headPosition();
    const refusals: Array<[string, string, object | undefined, string, string]> = [
      ['POST', '/subjects', body([{ system: 'CRM', id: '1' }]), 'VALIDATION.FAILED', 'externalIds.0.system'],
      ['POST', '/subjects', body([{ system: 'crm', id: '' }]), 'VALIDATION.FAILED', 'externalIds.0.id'],
      ['POST', '/subjects', body([{ system: 'crm', id: 'x'.repeat(129) }]), 'VALIDATION.FAILED', 'externalIds.0.id'],
      ['POST', '/subjects', body(twice), 'EXTERNAL_ID.SYSTEM_REPEATED', 'externalIds[1].system'],
      ['POST', '/subjects', body([{ system: 'crm', id: ' 1' }]), 'EXTERNAL_ID.ID_INVALID', 'externalIds[0].id'],
      [
        'PUT',
        `/subjects/${subjectId}/external-ids/${'s'.repeat(33)}`,
        { id: '1' },
        'EXTERNAL_ID.SYSTEM_INVALID',
        'system',
      ],
      ['PUT', `/subjects/${subjectId}/external-ids/crm`, { id: 'x'.repeat(129) }, 'VALIDATION.FAILED', 'id'],
      ['PUT', `/subjects/${subjectId}/external-ids/crm`, { id: '' }, 'VALIDATION.FAILED', 'id'],
      ['GET', '/subjects?externalId=crm4711', undefined, 'EXTERNAL_ID.REFERENCE_INVALID', 'externalId'],
      ['GET', '/subjects?externalId=CRM:4711', undefined, 'EXTERNAL_ID.SYSTEM_INVALID', 'externalId'],
      ['GET', '/subjects?externalId=crm:', undefined, 'EXTERNAL_ID.ID_INVALID', 'externalId'],
      ['GET', '/subjects?externalId=crm:1&email=a@b.de', undefined, 'VALIDATION.FAILED', 'externalId'],
    ];
    for (const [method, url, payload, code, field] of refusals) {
      const res = await api.send(method as 'GET', url, 'crm', payload);
      expect({ url, status: res.statusCode, code: res.json().code }).toEqual({ url, status: 400, code });
      const named = [res.json().field, ...(res.json().violations ?? []).map((v: { field: string }) => v.field)];
      expect(named).toContain(field);
      expect(res.json().message).toMatch(/must|give|not|once|twice/);
    }
    expect(await store.headPosition()).toBe(head);
  });

  async function importBody(payload: string, contentType: string) {
    const headers = { ...bearer(keys.admin!), 'content-type': contentType };
    const res = await api.app.inject({ method: 'POST', url: '/imports', payload, headers });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  async function profileLookupKey(subjectId: string): Promise<string> {
    const doc = (await api.app.get<ReadStore>(READ_STORE).get(SUBJECT_PROFILES, subjectId))?.doc as {
      externalIds: Array<{ lookupKey: string }>;
    };
    return doc.externalIds[0]!.lookupKey;
  }
});

const body = (externalIds: object[]) => ({
  locale: 'de-DE',
  contactPoints: [{ channel: 'email', address: 'refused@example.org' }],
  externalIds,
});
const twice = [
  { system: 'crm', id: '1' },
  { system: 'crm', id: '2' },
];
