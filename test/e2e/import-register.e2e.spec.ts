import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parse } from 'csv-parse/sync';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';

/** GET /processing-register: Art. 30's record, generated from the topics the ledger holds. */
describe('GET /processing-register (e2e)', () => {
  let booted: BootedApp;
  let app: NestFastifyApplication;
  let keys: Record<string, string>;
  let position = 0;
  const saved = { name: process.env.CONTROLLER_NAME, contact: process.env.CONTROLLER_CONTACT };

  beforeAll(async () => {
    process.env.CONTROLLER_NAME = 'Beispiel GmbH';
    process.env.CONTROLLER_CONTACT = 'datenschutz@beispiel.example';
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir, env: { JOURNEY_WORKERS: 'false', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    app = booted.app;
    const send = async (url: string, role: string, payload: object) => {
      const res = await app.inject({ method: 'POST', url, payload, headers: bearer(keys[role]) });
      expect(res.statusCode).toBe(201);
      return res.json();
    };
    await send('/topics', 'admin', {
      id: 'newsletter',
      title: 'Newsletter',
      description: 'Monthly product news, "curated"',
      allowedChannels: ['email', 'sms'],
      legalBasis: 'consent',
      personalFields: ['firstName'],
      retentionDays: 730,
    });
    await send('/topics', 'admin', {
      id: 'events',
      title: 'Events',
      description: 'Invitations to customer events',
      allowedChannels: ['post'],
      legalBasis: 'legitimate_interest',
      personalFields: [],
      retentionDays: 365,
    });
    position = (
      await send('/topics/newsletter/versions', 'dpo', {
        text: 'Yes, send me the newsletter.',
        language: 'en',
        change: 'material',
      })
    ).position;
    await send('/webhooks', 'admin', {
      url: 'http://127.0.0.1:9/hook?token=secret-part',
      secret: `whsec_${Buffer.from('a-long-enough-secret-of-24+bytes').toString('base64')}`,
      filter: { topics: ['newsletter'] },
    });
  });
  afterAll(async () => {
    await booted.close();
    for (const [env, value] of [
      ['CONTROLLER_NAME', saved.name],
      ['CONTROLLER_CONTACT', saved.contact],
    ] as const) {
      if (value === undefined) delete process.env[env];
      else process.env[env] = value;
    }
  });

  const get = (url: string, role: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'GET',
      url,
      headers: { ...bearer(keys[role]), 'x-min-position': String(position), ...headers },
    });

  it('lists every topic with purpose, legal basis, data categories, recipients, retention and safeguards', async () => {
    const res = await get('/processing-register', 'dpo');
    expect(res.statusCode).toBe(200);
    const register = res.json();
    expect(register.controller).toEqual({ name: 'Beispiel GmbH', contact: 'datenschutz@beispiel.example' });
    const newsletter = register.activities.find((a: { topicId: string }) => a.topicId === 'newsletter');
    expect(newsletter).toMatchObject({
      purpose: 'Monthly product news, "curated"',
      legalBasis: { basis: 'consent', article: 'Art. 6(1)(a), Art. 7' },
      retention: { days: 730 },
      consentTextVersion: 1,
      recipients: [{ kind: 'webhook', name: expect.stringMatching(/^127\.0\.0\.1:9 \(webhook /) }],
    });
    expect(newsletter.categoriesOfPersonalData).toEqual(
      expect.arrayContaining([
        'contact point: e-mail address',
        'contact point: mobile phone number',
        'profile: firstName',
        expect.stringMatching(/^identity links: /),
      ]),
    );
    expect(newsletter.safeguards).toEqual(
      expect.arrayContaining(['encryption', 'crypto-shredding', 'blind-index', 'hash-chain']),
    );
    expect(JSON.stringify(register)).not.toContain('secret-part');
    const events = register.activities.find((a: { topicId: string }) => a.topicId === 'events');
    expect(events).toMatchObject({
      legalBasis: { basis: 'legitimate_interest' },
      recipients: [],
      categoriesOfPersonalData: expect.arrayContaining(['contact point: postal address']),
    });
    expect(register.safeguards.map((s: { id: string }) => s.id)).toContain('signed-checkpoints');
  });

  it('answers CSV for Accept: text/csv and for ?format=csv, one row per topic, quoted where needed', async () => {
    for (const res of [
      await get('/processing-register', 'auditor', { accept: 'text/csv' }),
      await get('/processing-register?format=csv', 'admin'),
    ]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const lines = res.body.trim().split('\r\n');
      expect(lines[0]).toMatch(/^controllerName,controllerContact,topicId,name,purpose,/);
      expect(lines).toHaveLength(3);
      expect(res.body).toContain('"Monthly product news, ""curated"""');
    }
  });

  it('quotes every field and defuses formulas, also where a spreadsheet splits on ";"', async () => {
    const topic = {
      id: 'promo',
      title: 'Promo;=1+1',
      description: '=HYPERLINK("https://evil.example","open"); @SUM(1)',
      allowedChannels: ['email'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 30,
    };
    const created = await app.inject({ method: 'POST', url: '/topics', payload: topic, headers: bearer(keys.admin) });
    expect(created.statusCode).toBe(201);
    position = created.json().position;
    const csv = (await get('/processing-register?format=csv', 'dpo')).body;
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.topicId === 'promo')).toMatchObject({
      name: "Promo;'=1+1",
      purpose: '\'=HYPERLINK("https://evil.example","open"); \'@SUM(1)',
    });
    const dataLines = csv.trim().split('\r\n').slice(1);
    for (const line of dataLines) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
    // A spreadsheet that splits on ";" (or "," ignoring quotes) never sees a cell start with a formula character.
    const cells = dataLines.flatMap((line) => line.split(/[;,]/)).map((cell) => cell.replace(/^[\s"]+/, ''));
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  it('refuses roles outside dpo, admin and auditor, and an unknown format', async () => {
    expect((await get('/processing-register', 'crm')).statusCode).toBe(403);
    expect((await get('/processing-register?format=xml', 'dpo')).json()).toMatchObject({
      statusCode: 400,
      field: 'format',
    });
  });
});
