import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';

const DPV = 'https://w3id.org/dpv#';
const GDPR = 'https://w3id.org/dpv/legal/eu/gdpr#';

/**
 * Art. 7(1): "the controller shall be able to demonstrate that the data subject has consented".
 * Each consent reads as an ISO/IEC TS 27560 consent record in the W3C DPV profile.
 */
describe('GDPR Art. 7(1): consent records in the standard form (e2e)', () => {
  let booted: BootedApp;
  let app: NestFastifyApplication;
  let keys: Record<string, string>;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({
      dataDir,
      env: { CONTROLLER_NAME: 'ACME GmbH', CONTROLLER_CONTACT: 'datenschutz@acme.example' },
    });
    app = booted.app;
  });
  afterAll(() => booted.close());

  const send = (method: 'POST' | 'GET', url: string, role: string, payload?: object) =>
    app.inject({ method, url, payload, headers: bearer(keys[role]!) });

  async function topic(id: string, extra: object = {}) {
    const definition = {
      id,
      title: 'Newsletter',
      description: 'Monthly product news',
      allowedChannels: ['email'],
      legalBasis: 'consent',
      personalFields: ['firstName'],
      retentionDays: 730,
      ...extra,
    };
    const defined = await send('POST', '/topics', 'admin', definition);
    expect(defined.statusCode).toBe(201);
    await publish(id, 'Yes, send me news.');
  }

  const publish = async (id: string, text: string) =>
    expect(
      (await send('POST', `/topics/${id}/versions`, 'dpo', { text, language: 'en', change: 'material' })).statusCode,
    ).toBe(201);

  async function subject(): Promise<string> {
    const res = await send('POST', '/subjects', 'crm', {
      locale: 'de-DE',
      contactPoints: [{ channel: 'email', address: 'eva@example.org' }],
      profile: {},
    });
    return res.json().subjectId;
  }

  const grant = (id: string, topicId: string, textVersion: number) =>
    send('POST', `/subjects/${id}/consents`, 'crm', {
      topicId,
      channel: 'email',
      evidence: {
        method: 'checkbox',
        capturedAt: '2026-11-30T09:15:00.000Z',
        sourceSystem: 'shop',
        formId: 'signup-footer',
        textVersion,
        affirmativeAction: true,
        ipAddress: '203.0.113.7',
      },
    });

  const record = (id: string, topicId: string, role = 'auditor') =>
    send('GET', `/subjects/${id}/consents/${topicId}/email/record`, role);

  it('given a grant, when the record is read, then it is a 27560 record with DPV IRIs matching the event', async () => {
    await topic('art7-news', { dpvPurposes: [`${DPV}DirectMarketing`] });
    const id = await subject();
    const granted = await grant(id, 'art7-news', 1);
    expect(granted.statusCode).toBe(200);
    const eventId = granted.json().events[0].id;

    const res = await record(id, 'art7-news');

    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      '@type': `${DPV}ConsentRecord`,
      'dct:conformsTo': 'https://w3id.org/dpv/schema/dpv-27560#record',
      'dct:identifier': expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      'dpv:hasDataSubject': { 'dct:identifier': id },
      'dpv:hasProcess': {
        'dpv:hasPurpose': [`${DPV}DirectMarketing`],
        'dpv:hasLegalBasis': [`${DPV}Consent`, `${GDPR}A6-1-a`],
        'dpv:hasDataController': { 'dct:title': 'ACME GmbH' },
        'dpv:hasStorageCondition': { 'dpv:hasDuration': { 'rdf:value': 'P730D' } },
      },
      'dpv:hasNotice': [{ 'dct:hasVersion': '1', 'dct:language': 'en' }],
      'dpv:hasConsentStatus': [
        {
          '@type': `${DPV}ConsentGiven`,
          'dct:identifier': eventId,
          'dpv:isIndicatedAtTime': '2026-11-30T09:15:00.000Z',
          'dpv:isIndicatedBy': `${DPV}DataSubject`,
          'dpv:hasIndicationMethod': 'checkbox',
          'dct:source': 'shop/signup-footer',
          'dpv:hasNotice': { 'dct:hasVersion': '1', 'spdx:checksum': { 'spdx:algorithm': 'SHA256' } },
        },
      ],
    });
    const hash = body['dpv:hasConsentStatus'][0]['dpv:hasNotice']['spdx:checksum']['spdx:checksumValue'];
    const topicRead = (await send('GET', '/topics/art7-news', 'auditor')).json();
    expect(hash).toBe(topicRead.versions[0].textHash);
    // Art. 5(1)(c): no address, IP address or user agent in the record.
    expect(JSON.stringify(body)).not.toMatch(/eva@example\.org|203\.0\.113\.7/);
    expect((await record(id, 'art7-news', 'journey')).statusCode).toBe(200);
  });

  it('given a withdrawal, a material text change and a renewed grant, then the record lists them in order', async () => {
    await topic('art7-history');
    const id = await subject();
    await grant(id, 'art7-history', 1);
    await send('POST', `/subjects/${id}/consents/revoke`, 'crm', { topicId: 'art7-history', channel: 'email' });
    await publish('art7-history', 'Yes, send me news and offers.');
    await grant(id, 'art7-history', 2);
    await publish('art7-history', 'Yes, send me news, offers and surveys.');

    const statuses = (await record(id, 'art7-history', 'dpo')).json()['dpv:hasConsentStatus'];

    expect(statuses.map((s: { '@type': string }) => s['@type'])).toEqual([
      `${DPV}ConsentGiven`,
      `${DPV}ConsentWithdrawn`,
      `${DPV}RenewedConsentGiven`,
      `${DPV}ConsentInvalidated`,
    ]);
    expect(statuses[2]['dpv:hasNotice']).toMatchObject({ 'dct:hasVersion': '2' });
    expect(statuses[3]).not.toHaveProperty('dct:identifier');
  });

  it('defaults the purpose from the legal basis and gives the register the same IRIs', async () => {
    await topic('art7-contract', { legalBasis: 'contract' });
    const id = await subject();
    await grant(id, 'art7-contract', 1);
    const process = (await record(id, 'art7-contract')).json()['dpv:hasProcess'];
    expect(process['dpv:hasPurpose']).toEqual([`${DPV}ServiceProvision`]);
    expect(process['dpv:hasLegalBasis']).toEqual([`${DPV}Contract`, `${GDPR}A6-1-b`]);
    const register = (await send('GET', '/processing-register', 'dpo')).json();
    const activity = register.activities.find((a: { topicId: string }) => a.topicId === 'art7-contract');
    expect(activity.dpv).toEqual({ purposes: process['dpv:hasPurpose'], legalBasis: process['dpv:hasLegalBasis'] });
  });

  it('answers 404 from the catalogue when the consent was never asked for', async () => {
    await topic('art7-none');
    const id = await subject();
    expect((await record(id, 'art7-none')).json()).toMatchObject({
      statusCode: 404,
      code: 'CONSENT_RECORD.NOT_FOUND',
    });
  });

  it('refuses a purpose outside the DPV namespace, naming the field, and records nothing', async () => {
    const res = await send('POST', '/topics', 'admin', {
      id: 'art7-bad',
      title: 'Bad',
      description: 'Bad',
      allowedChannels: ['email'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 30,
      dpvPurposes: ['https://example.com/vocab#Marketing'],
    });
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'TOPIC.DPV_PURPOSE_INVALID', field: 'dpvPurposes' });
    expect((await send('GET', '/topics/art7-bad', 'admin')).statusCode).toBe(404);
  });
});
