import { BlindIndexDeriver, discardScratch, readAllDocuments, rebuildIntoScratch } from '#projection-runtime';
import { CONSENT_RECORDS, consentReportModel } from '#projections';
import { type Infrastructure, loadConfig, openInfrastructure } from '#runtime';
import { ReadSideDriver } from './read-side.driver';

type Row = { subjectId: string; topicId: string; status: string; eventIds: string[] };

/**
 * Art. 17 with Art. 5(2): an erased person's consents stay in the auditors' report as proof of what
 * the ledger recorded, but none of them is shown as granted any more.
 */
describe('GDPR Art. 17 + 5(2): an erased person in the consent report (e2e)', () => {
  let driver: ReadSideDriver;
  let cli: Infrastructure;

  beforeAll(async () => {
    driver = await ReadSideDriver.boot();
    cli = await openInfrastructure(
      loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: driver.booted.dataDir }),
      () => undefined,
    );
    for (const id of ['era-news', 'era-offers']) await driver.defineTopic(id);
  });
  afterAll(async () => {
    await Promise.all([cli.eventStore.close(), cli.readStore.close(), cli.keyVault.close()]);
    await driver.close();
  });

  const report = async (query = ''): Promise<Row[]> => {
    const res = await driver.query(`/consents/report${query}`, 'auditor');
    expect(res.statusCode).toBe(200);
    return res.body
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Row);
  };

  async function rebuilt(batchSize: number) {
    const deriver = new BlindIndexDeriver(cli.crypto, cli.eventStore);
    const deps = { eventStore: cli.eventStore, readStore: cli.readStore, derive: deriver.derive.bind(deriver) };
    const docs = (await rebuildIntoScratch(deps, consentReportModel, batchSize)).get(CONSENT_RECORDS);
    await discardScratch(cli.readStore, consentReportModel);
    return docs;
  }

  it('given a granted subject, when erased, then each of their rows shows erased and a rebuild agrees', async () => {
    const person = await driver.register([{ channel: 'email', address: 'erased@example.org' }]);
    const other = await driver.register([{ channel: 'email', address: 'kept@example.org' }]);
    for (const topicId of ['era-news', 'era-offers']) await driver.grant(person, topicId);
    await driver.grant(other, 'era-news');

    const erasure = await driver.command('POST', `/subjects/${person}/erasure`, 'dpo', {});
    expect(erasure.outcome).toBe('erased');
    const erasedEvent = erasure.events.find((e: { type: string }) => e.type === 'SubjectErased');

    const theirs = (await report()).filter((r) => r.subjectId === person);
    expect(theirs.map((r) => r.topicId).sort()).toEqual(['era-news', 'era-offers']);
    for (const row of theirs) {
      expect(row.status).toBe('erased');
      expect(row.eventIds).toHaveLength(2);
      expect(row.eventIds.at(-1)).toBe(erasedEvent.id);
    }
    expect((await report('?status=granted')).map((r) => r.subjectId)).toEqual([other]);
    expect((await report('?status=erased')).map((r) => r.subjectId)).toEqual([person, person]);

    // Batch size 1 finds the rows in the store; 500 folds grant and erasure in one batch.
    const live = await readAllDocuments(cli.readStore, CONSENT_RECORDS);
    expect(await rebuilt(1)).toEqual(live);
    expect(await rebuilt(500)).toEqual(live);
  });
});
