import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE } from '#runtime';
import type { EventStore } from '#event-store';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';

/** POST /imports as an operator adopting the ledger would call it: the CRM export as the body. */
describe('POST /imports (e2e)', () => {
  let booted: BootedApp;
  let app: NestFastifyApplication;
  let keys: Record<string, string>;
  let store: EventStore;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir });
    app = booted.app;
    store = app.get(EVENT_STORE);
    const send = (url: string, role: string, payload: object) =>
      app.inject({ method: 'POST', url, payload, headers: bearer(keys[role]) });
    const topic = {
      id: 'newsletter',
      title: 'Newsletter',
      description: 'Monthly product news',
      allowedChannels: ['email'],
      legalBasis: 'consent',
      personalFields: ['firstName'],
      retentionDays: 730,
    };
    expect((await send('/topics', 'admin', topic)).statusCode).toBe(201);
    expect(
      (
        await send('/topics/newsletter/versions', 'dpo', {
          text: 'Yes, send me the newsletter.',
          language: 'en',
          change: 'material',
        })
      ).statusCode,
    ).toBe(201);
  });
  afterAll(() => booted.close());

  const NDJSON = [
    {
      kind: 'subject',
      sourceSystem: 'crm',
      externalId: 'C-1',
      locale: 'de-DE',
      contactPoints: [{ contactPointId: 'email', channel: 'email', address: 'anna@example.org' }],
      profile: { firstName: 'Anna' },
    },
    {
      kind: 'consent',
      sourceSystem: 'crm',
      externalId: 'C-1',
      topicId: 'newsletter',
      channel: 'email',
      contactPointId: 'email',
      capturedAt: '2021-03-04T10:00:00Z',
      textVersion: 1,
      affirmativeAction: true,
    },
    {
      kind: 'consent',
      sourceSystem: 'crm',
      externalId: 'C-1',
      topicId: 'newsletter',
      channel: 'sms',
      capturedAt: '2021-03-04T10:00:00Z',
      affirmativeAction: true,
    },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n');

  const post = (body: string, contentType: string, query = '', role = 'admin') =>
    app.inject({
      method: 'POST',
      url: `/imports${query}`,
      payload: body,
      headers: { ...bearer(keys[role]), 'content-type': contentType },
    });

  it('imports an NDJSON body and reports counts and each refusal with line, field and reason', async () => {
    const res = await post(NDJSON, 'application/x-ndjson');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      records: 3,
      imported: 2,
      duplicates: 0,
      refused: 1,
      dryRun: false,
      refusals: [{ line: 3, kind: 'consent', field: 'channel', code: 'TOPIC.CHANNEL_NOT_ALLOWED' }],
    });
  });

  it('appends nothing when the same file is imported again', async () => {
    const head = await store.headPosition();
    const res = await post(NDJSON, 'application/x-ndjson');
    expect(res.json()).toMatchObject({ imported: 0, duplicates: 2, refused: 1 });
    expect(await store.headPosition()).toBe(head);
  });

  it('decides a dry run without appending anything', async () => {
    const head = await store.headPosition();
    const csv =
      'kind,sourceSystem,externalId,locale,contact.email,topicId,channel,contactPointId,capturedAt,affirmativeAction\n' +
      'subject,crm,C-2,en-GB,ben@example.org,,,,,\n' +
      'consent,crm,C-2,,,newsletter,email,email,2022-01-01T00:00:00Z,false\n' +
      'consent,crm,C-2,,,newsletter,email,email,2022-01-02T00:00:00Z,true\n';
    const res = await post(csv, 'text/csv', '?dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      dryRun: true,
      records: 3,
      imported: 2,
      refused: 1,
      refusals: [{ line: 3, field: 'affirmativeAction', code: 'CONSENT.PRE_TICKED' }],
    });
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses other media types, other roles and bad query values, writing nothing', async () => {
    const head = await store.headPosition();
    expect(
      (
        await app.inject({ method: 'POST', url: '/imports', payload: { kind: 'subject' }, headers: bearer(keys.admin) })
      ).json(),
    ).toMatchObject({ statusCode: 415, code: 'HTTP.UNSUPPORTED_MEDIA_TYPE' });
    expect((await post(NDJSON, 'application/x-ndjson', '', 'crm')).statusCode).toBe(403);
    expect((await post(NDJSON, 'application/x-ndjson', '?dryRun=maybe')).json()).toMatchObject({
      statusCode: 400,
      field: 'dryRun',
    });
    expect(await store.headPosition()).toBe(head);
  });

  it('gives an imported contact point an id every contact-point route accepts, so a double opt-in can be sent', async () => {
    const read = async (url: string) =>
      app.inject({
        method: 'GET',
        url,
        headers: { ...bearer(keys.crm), 'x-min-position': String(await store.headPosition()) },
      });
    const [found] = (await read(`/subjects?email=${encodeURIComponent('anna@example.org')}`)).json().items ?? [];
    const subject = (await read(`/subjects/${found.subjectId}`)).json();
    const [point] = subject.contactPoints;
    expect(point.contactPointId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(subject.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ topicId: 'newsletter', channel: 'email', contactPointId: point.contactPointId }),
      ]),
    );
    const doi = await app.inject({
      method: 'POST',
      url: `/subjects/${found.subjectId}/double-opt-in`,
      headers: bearer(keys.journey),
      payload: {
        topicId: 'newsletter',
        channel: 'email',
        contactPointId: point.contactPointId,
        textVersion: 1,
        sourceSystem: 'shop',
      },
    });
    expect(doi.statusCode).toBe(201);
  });

  it('refuses a file that cannot be read at all with one clear 400', async () => {
    const res = await post('kind;externalId\nsubject;C-9\n', 'text/csv');
    expect(res.json()).toMatchObject({
      statusCode: 400,
      code: 'IMPORT.FILE_UNREADABLE',
      field: 'body',
      message: expect.stringContaining('"kind" column'),
    });
  });

  it('keeps NDJSON and CSV bodies away from every other route', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/topics',
      payload: 'kind\n',
      headers: { ...bearer(keys.admin), 'content-type': 'text/csv' },
    });
    expect(res.json()).toMatchObject({ statusCode: 415, code: 'HTTP.UNSUPPORTED_MEDIA_TYPE' });
  });
});
