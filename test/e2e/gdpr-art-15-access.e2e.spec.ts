import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generateWebhookSecret } from '#journeys';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';
import { startReceiver, startSmtp, until } from './support/journey-receivers';

const ADDRESS = 'erika.auskunft@example.org';
const AUTOMATED = { logic: 'A score from past orders sets the discount', consequences: 'A smaller discount' };

/**
 * Art. 15: the person is told what is held and everything Art. 15(1)(a)-(h) lists, and receives
 * the copy (Art. 15(3)) by a single-use link; Art. 20: the portable part is marked. Real app, real SMTP.
 */
describe('GDPR Art. 15, 20: the complete access answer, delivered to the person (e2e)', () => {
  let booted: BootedApp;
  let app: NestFastifyApplication;
  let keys: Record<string, string>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver('whsec_unused', () => false);
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    const env = {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Ledger <no-reply@ledger.test>',
      PUBLIC_BASE_URL: 'https://ledger.test',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      CONTROLLER_NAME: 'Beispiel GmbH',
      CONTROLLER_CONTACT: 'datenschutz@beispiel.example',
      SUPERVISORY_AUTHORITY_NAME: 'Landesbeauftragte für Datenschutz',
      SUPERVISORY_AUTHORITY_ADDRESS: 'Musterstraße 1, 10000 Musterstadt',
      SUPERVISORY_AUTHORITY_URL: 'https://lfd.example',
    };
    booted = await bootApp({ dataDir, env, listen: true });
    app = booted.app;
    await givenTopicsAndAReceiver();
  });
  afterAll(async () => {
    await booted.close();
    await smtp.close();
    await receiver.close();
  });

  const send = (method: 'POST' | 'GET', url: string, role: string, payload?: object, headers = {}) =>
    app.inject({ method, url, payload, headers: { ...headers, ...bearer(keys[role]) } });

  async function givenTopicsAndAReceiver() {
    const topic = (id: string, extra: object) => ({
      id,
      title: `Topic ${id}`,
      description: `Purpose of ${id}`,
      allowedChannels: ['email'],
      legalBasis: 'consent',
      personalFields: ['firstName'],
      retentionDays: 400,
      ...extra,
    });
    for (const [id, extra] of [
      ['access-news', {}],
      ['access-deals', { profiling: true, automatedDecision: AUTOMATED }],
    ] as const) {
      expect((await send('POST', '/topics', 'admin', topic(id, extra))).statusCode).toBe(201);
      const version = { text: `Ja, ${id}.`, language: 'de', change: 'material' };
      expect((await send('POST', `/topics/${id}/versions`, 'dpo', version)).statusCode).toBe(201);
    }
    const hook = { url: receiver.url, secret: generateWebhookSecret(), filter: { topics: ['access-deals'] } };
    expect((await send('POST', '/webhooks', 'admin', hook)).statusCode).toBe(201);
  }

  /** Given a person registered by the shop, with consents to both topics and an open access request. */
  async function givenAPersonWithConsents(): Promise<{ subjectId: string; requestId: string }> {
    const body = {
      locale: 'de-DE',
      contactPoints: [{ channel: 'email', address: ADDRESS }],
      profile: { firstName: 'Erika <b>' },
    };
    const registered = await send('POST', '/subjects', 'crm', body, { 'x-source-system': 'webshop' });
    expect(registered.statusCode).toBe(201);
    const { subjectId } = registered.json();
    for (const topicId of ['access-news', 'access-deals']) {
      const evidence = {
        method: 'checkbox',
        capturedAt: new Date(Date.now() - 60_000).toISOString(),
        sourceSystem: 'newsletter-form',
        textVersion: 1,
        affirmativeAction: true,
      };
      const granted = await send('POST', `/subjects/${subjectId}/consents`, 'crm', {
        topicId,
        channel: 'email',
        evidence,
      });
      expect(granted.statusCode).toBe(200);
    }
    const request = await send('POST', `/subjects/${subjectId}/requests`, 'crm', { kind: 'access', channel: 'email' });
    return { subjectId, requestId: request.json().requestId };
  }

  it('given consents and a webhook receiver, when exported, then each of Art. 15(1)(a)-(h) and the Art. 20 part is present', async () => {
    const { subjectId } = await givenAPersonWithConsents();
    const res = await send('GET', `/subjects/${subjectId}/export`, 'dpo');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    const deals = doc.purposes.find((p: { topicId: string }) => p.topicId === 'access-deals');
    const news = doc.purposes.find((p: { topicId: string }) => p.topicId === 'access-news');
    // (a) purposes, (b) categories of personal data per purpose
    expect(deals).toMatchObject({ description: 'Purpose of access-deals', legalBasisArticle: 'Art. 6(1)(a), Art. 7' });
    expect(deals.categoriesOfPersonalData).toEqual(
      expect.arrayContaining(['contact point: e-mail address', 'profile: firstName']),
    );
    // (c) recipients: the webhook receiver only where its filter admits the topic
    const host = new URL(receiver.url).host;
    expect(deals.recipients.map((r: { name: string }) => r.name).join()).toContain(host);
    expect(news.recipients.map((r: { name: string }) => r.name).join()).not.toContain(host);
    // (d) retention
    expect(deals.retention).toMatchObject({ days: 400, period: expect.stringContaining('400 days') });
    // (e), (f) rights and the supervisory authority
    expect(doc.rights.rights.map((r: { right: string }) => r.right)).toEqual(
      expect.arrayContaining(['rectification', 'erasure', 'restriction', 'objection', 'complaint']),
    );
    expect(doc.rights.supervisoryAuthority).toMatchObject({
      name: 'Landesbeauftragte für Datenschutz',
      address: 'Musterstraße 1, 10000 Musterstadt',
      url: 'https://lfd.example',
    });
    // (g) the source of each personal field and contact point, and of each consent
    const point = doc.personalData.contactPoints[0];
    expect(doc.sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: `contactPoints.${point.contactPointId}`,
          sourceSystem: 'webshop',
          recordedBy: 'e2e-crm',
        }),
        expect.objectContaining({ field: 'profile.firstName', sourceSystem: 'webshop' }),
      ]),
    );
    expect(doc.consents[0].grant.evidence.sourceSystem).toBe('newsletter-form');
    // (h) automated decision-making and profiling
    expect(doc.automatedDecisions).toMatchObject({
      applies: true,
      decisions: [{ topicId: 'access-deals', ...AUTOMATED }],
      profiling: { applies: true, topicIds: ['access-deals'] },
    });
    // Art. 20: the portable part
    expect(doc.portability).toEqual({ article: 'Art. 20(1)', sections: ['personalData', 'consents'] });
  });

  it('renders the same answer as a readable, printable page in the person’s language, escaped, under a strict CSP', async () => {
    const { subjectId } = await givenAPersonWithConsents();
    const res = await send('GET', `/subjects/${subjectId}/export`, 'crm', undefined, { accept: 'text/html' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'; style-src 'sha256-[^']+'/);
    expect(res.body).toContain('<html lang="de">');
    expect(res.body).toContain('Auskunft über Ihre Daten (Art. 15 DSGVO)');
    expect(res.body).toContain('Erika &lt;b&gt;');
    expect(res.body).not.toContain('Erika <b>');
    expect(res.body).toContain('übertragbar (Art. 20)');
    expect(res.body).toContain('Landesbeauftragte für Datenschutz');
    expect(res.body).toContain(AUTOMATED.logic);
    expect(res.body).toContain('@media print');
    expect(res.body).not.toContain('<script');
  });

  it('delivers the copy by mail: a single-use link, the request fulfilled, opened once, refused the second time', async () => {
    const { subjectId, requestId } = await givenAPersonWithConsents();
    const delivered = await send('POST', `/subjects/${subjectId}/export/deliveries`, 'dpo', {});
    expect(delivered.statusCode).toBe(201);
    expect(delivered.json()).toMatchObject({ deliveryId: expect.any(String), expiresAt: expect.any(String) });
    expect(Date.parse(delivered.json().expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const requests = (await send('GET', `/subjects/${subjectId}/history`, 'dpo')).json();
    expect(requests.at(-1)).toMatchObject({ type: 'DataSubjectRequestFulfilled', data: { requestId } });

    const eventId = delivered.json().events[0].id;
    const mail = await until('the export mail', () =>
      smtp.mails.find((m) => m.raw.includes(`<export-${eventId}@ledger.test>`)),
    );
    expect(mail.to).toEqual([ADDRESS]);
    const unfolded = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = /https:\/\/ledger\.test\/export-downloads\?token=([A-Za-z0-9%._-]+)/.exec(unfolded)!;
    const token = decodeURIComponent(link[1]);
    // The log holds only the link's hash, never the token.
    const stored = JSON.stringify((await send('GET', `/subjects/${subjectId}/history`, 'dpo')).json());
    expect(stored).not.toContain(token);

    // A mail scanner's GET serves nothing and uses nothing up.
    const page = await app.inject({ method: 'GET', url: `/export-downloads?token=${encodeURIComponent(token)}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post" action="/export-downloads">');
    expect(page.body).not.toContain(ADDRESS);

    const click = () =>
      app.inject({
        method: 'POST',
        url: '/export-downloads',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `token=${encodeURIComponent(token)}`,
      });
    const opened = await click();
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-security-policy']).toContain("default-src 'none'");
    expect(opened.body).toContain(ADDRESS);
    const json = /href="data:application\/json;base64,([^"]+)"/.exec(opened.body)!;
    const copy = JSON.parse(Buffer.from(json[1], 'base64').toString('utf8'));
    expect(copy).toMatchObject({ subjectId, personalData: { contactPoints: [{ address: ADDRESS }] } });
    const history = (await send('GET', `/subjects/${subjectId}/history`, 'dpo')).json();
    expect(history.at(-1)).toMatchObject({
      type: 'ExportDeliveryOpened',
      data: { deliveryId: delivered.json().deliveryId },
    });

    const again = await click();
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This link was already used');
    expect(again.body).not.toContain(ADDRESS);
  });

  it('refuses an expired link with a page that says so, and serves nothing', async () => {
    const { subjectId } = await givenAPersonWithConsents();
    const delivered = await send('POST', `/subjects/${subjectId}/export/deliveries`, 'crm', {});
    const eventId = delivered.json().events[0].id;
    const mail = await until('the export mail', () =>
      smtp.mails.find((m) => m.raw.includes(`<export-${eventId}@ledger.test>`)),
    );
    const unfolded = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const token = decodeURIComponent(/export-downloads\?token=([A-Za-z0-9%._-]+)/.exec(unfolded)![1]);
    // The edge's clock eight days on: only Date is faked, the server's timers run as before.
    jest.useFakeTimers({
      doNotFake: [
        'nextTick',
        'setImmediate',
        'setTimeout',
        'setInterval',
        'clearTimeout',
        'clearInterval',
        'clearImmediate',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
      now: Date.now() + 8 * 86_400_000,
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/export-downloads',
        headers: { accept: 'text/html' },
        payload: { token },
      });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('This link has expired');
      expect(res.body).not.toContain(ADDRESS);
    } finally {
      jest.useRealTimers();
    }
    const unknown = await app.inject({
      method: 'POST',
      url: '/export-downloads',
      headers: { accept: 'application/json' },
      payload: { token: `${subjectId}.forged` },
    });
    expect(unknown.json()).toMatchObject({ statusCode: 404, code: 'EXPORT_LINK.UNKNOWN', field: 'token' });
  });

  it('refuses a source system that is not a plain name, naming the header, nothing written', async () => {
    const body = { locale: 'en', contactPoints: [{ channel: 'email', address: 'bad-source@example.org' }] };
    const res = await send('POST', '/subjects', 'crm', body, { 'x-source-system': '<script>' });
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION.FAILED', field: 'X-Source-System' });
    const later = await send('POST', '/subjects', 'crm', { locale: 'en', contactPoints: [] });
    const minPosition = { 'x-min-position': String(later.json().position) };
    const found = await send('GET', '/subjects?email=bad-source@example.org', 'crm', undefined, minPosition);
    expect(found.json().items).toEqual([]);
  });

  it('refuses a delivery to a person without e-mail address, naming the field, nothing written', async () => {
    const res = await send('POST', '/subjects', 'crm', {
      locale: 'en',
      contactPoints: [{ channel: 'sms', address: '+491511234567' }],
    });
    const { subjectId, position } = res.json();
    const refused = await send('POST', `/subjects/${subjectId}/export/deliveries`, 'crm', {});
    expect(refused.json()).toMatchObject({ statusCode: 409, code: 'EXPORT.NO_EMAIL_ADDRESS', field: 'contactPointId' });
    const history = (await send('GET', `/subjects/${subjectId}/history`, 'dpo')).json();
    expect(history.map((e: { type: string }) => e.type)).toEqual(['SubjectRegistered']);
    expect(position).toBeGreaterThan(0);
  });
});
