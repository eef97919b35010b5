import { rmSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BlindIndexDeriver, discardScratch, readAllDocuments, rebuildIntoScratch } from '#projection-runtime';
import { CONSENT_RECORDS, consentReportModel } from '#projections';
import { type Infrastructure, loadConfig, openInfrastructure } from '#runtime';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';

type Row = { subjectId: string; topicId: string; status: string; recordedAt: string; eventIds: string[] };

/**
 * Art. 17 with Art. 5(2): an erased person's consents stay in the auditors' report as proof of what
 * the ledger recorded, but none of them is shown as granted any more.
 */
describe('GDPR Art. 17 + 5(2): an erased person in the consent report (e2e)', () => {
  let booted: BootedApp;
  let app: NestFastifyApplication;
  let keys: Record<string, string>;
  let cli: Infrastructure;
  let position = 0;
  const env = { LOG_LEVEL: 'silent' };

  const send = (method: 'POST' | 'GET', url: string, role: string, payload?: object, headers = {}) =>
    app.inject({ method, url, payload, headers: { ...bearer(keys[role]!), ...headers } });
  async function command(url: string, payload: object, role = 'crm') {
    const res = await send('POST', url, role, payload);
    expect(res.statusCode).toBeLessThan(300);
    position = Math.max(position, res.json().position);
    return res.json();
  }
  const report = async (query = ''): Promise<Row[]> => {
    const res = await send('GET', `/consents/report${query}`, 'auditor', undefined, {
      accept: 'application/x-ndjson',
      'x-min-position': String(position),
    });
    expect(res.statusCode).toBe(200);
    return res.body
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Row);
  };
  const grant = (subjectId: string, topicId: string) => {
    const evidence = {
      method: 'checkbox',
      capturedAt: new Date().toISOString(),
      sourceSystem: 'web-form',
      textVersion: 1,
      affirmativeAction: true,
    };
    return command(`/subjects/${subjectId}/consents`, { topicId, channel: 'email', evidence });
  };
  const register = async (i: number): Promise<string> => {
    const contactPoints = [{ channel: 'email', address: `erased${i}@example.org` }];
    return (await command('/subjects', { locale: 'de-DE', contactPoints, profile: {} })).subjectId;
  };

  beforeAll(async () => {
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir, env });
    app = booted.app;
    cli = await openInfrastructure(loadConfig({ ...env, DATA_DIR: dataDir }), () => undefined);
    for (const id of ['era-news', 'era-offers']) {
      const definition = { title: id, description: id, legalBasis: 'consent', personalFields: [], retentionDays: 30 };
      await command('/topics', { id, allowedChannels: ['email'], ...definition }, 'admin');
      await command(`/topics/${id}/versions`, { text: `Yes to ${id}`, language: 'en', change: 'material' }, 'dpo');
    }
  });
  afterAll(async () => {
    await Promise.all([cli.eventStore.close(), cli.readStore.close(), cli.keyVault.close()]);
    await booted.close();
    rmSync(booted.dataDir, { recursive: true, force: true });
  });

  async function rebuilt(batchSize: number) {
    const deriver = new BlindIndexDeriver(cli.crypto, cli.eventStore);
    const deps = { eventStore: cli.eventStore, readStore: cli.readStore, derive: deriver.derive.bind(deriver) };
    const docs = (await rebuildIntoScratch(deps, consentReportModel, batchSize)).get(CONSENT_RECORDS);
    await discardScratch(cli.readStore, consentReportModel);
    return docs;
  }

  it('given a granted subject, when erased, then each of their rows shows erased and a rebuild agrees', async () => {
    const [person, other] = [await register(1), await register(2)];
    for (const topicId of ['era-news', 'era-offers']) await grant(person, topicId);
    await grant(other, 'era-news');

    const erasure = await command(`/subjects/${person}/erasure`, {}, 'dpo');
    expect(erasure.outcome).toBe('erased');
    const erasedEvent = erasure.events.find((e: { type: string }) => e.type === 'SubjectErased');

    const theirs = (await report()).filter((r) => r.subjectId === person);
    expect(theirs.map((r) => r.topicId).sort()).toEqual(['era-news', 'era-offers']);
    for (const row of theirs) {
      expect(row.status).toBe('erased');
      expect(row.eventIds.at(-1)).toBe(erasedEvent.id);
      expect(row.eventIds).toHaveLength(2);
    }
    expect((await report('?status=granted')).map((r) => r.subjectId)).toEqual([other]);
    expect((await report('?status=erased')).map((r) => r.subjectId)).toEqual([person, person]);

    const live = await readAllDocuments(cli.readStore, CONSENT_RECORDS);
    expect(await rebuilt(1)).toEqual(live);
    expect(await rebuilt(500)).toEqual(live);
  });
});
