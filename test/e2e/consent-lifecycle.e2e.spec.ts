import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE } from '#runtime';
import type { EventStore } from '#event-store';
import { subjectStreamName } from '#domain';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';

/** The consent ledger driven over HTTP on the embedded stores, as a CRM and a journey would. */
describe('consent lifecycle (e2e)', () => {
  let booted: BootedApp;
  let app: NestFastifyApplication;
  let keys: Record<string, string>;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir });
    app = booted.app;
  });
  afterAll(() => booted.close());

  const send = (
    method: 'POST' | 'GET' | 'PATCH' | 'DELETE',
    url: string,
    role: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) => app.inject({ method, url, payload, headers: { ...bearer(keys[role]), ...headers } });

  async function defineNewsletter(id: string) {
    const topic = {
      id,
      title: 'Newsletter',
      description: 'Monthly product news',
      allowedChannels: ['email'],
      legalBasis: 'consent',
      personalFields: ['firstName'],
      retentionDays: 730,
    };
    expect((await send('POST', '/topics', 'admin', topic)).statusCode).toBe(201);
    const version = await send('POST', `/topics/${id}/versions`, 'dpo', {
      text: 'Yes, send me the newsletter.',
      language: 'en',
      change: 'material',
    });
    expect(version.statusCode).toBe(201);
  }

  async function register() {
    const res = await send('POST', '/subjects', 'crm', {
      locale: 'de-DE',
      contactPoints: [{ channel: 'email', address: 'Anna.Berg@example.org' }],
      profile: { firstName: 'Anna' },
    });
    expect(res.statusCode).toBe(201);
    const { subjectId } = res.json();
    const history = (await send('GET', `/subjects/${subjectId}/history`, 'crm')).json();
    return { subjectId, contactPointId: history[0].data.contactPoints[0].contactPointId as string };
  }

  it('answers what the caller needs next: the version published, the topics with their purpose', async () => {
    await defineNewsletter('answers-news');
    const versions = `/topics/answers-news/versions`;
    const second = await send('POST', versions, 'dpo', {
      text: 'Yes, send me the weekly newsletter.',
      language: 'en',
      change: 'material',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ version: 2, events: [{ type: 'ConsentTextVersionPublished' }] });
    const again = await send('POST', versions, 'dpo', {
      text: 'Yes, send me the weekly newsletter.',
      language: 'en',
      change: 'editorial',
    });
    expect(again.json()).toMatchObject({ version: 2, events: [] });
    expect((await send('GET', '/topics/answers-news', 'journey')).json()).toMatchObject({
      id: 'answers-news',
      description: 'Monthly product news',
      currentVersion: 2,
    });
    const listed = await send('GET', '/topics', 'crm', undefined, { 'x-min-position': String(again.json().position) });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toContainEqual(
      expect.objectContaining({
        id: 'answers-news',
        title: 'Newsletter',
        description: 'Monthly product news',
        currentVersion: 2,
      }),
    );
  });

  it('runs register, double opt-in request, confirm, objection and block, and records each step', async () => {
    await defineNewsletter('news-doi');
    const { subjectId, contactPointId } = await register();
    const doi = await send('POST', `/subjects/${subjectId}/double-opt-in`, 'journey', {
      topicId: 'news-doi',
      channel: 'email',
      contactPointId,
      textVersion: 1,
      sourceSystem: 'shop',
    });
    expect(doi.statusCode).toBe(201);
    const { token, position } = doi.json();
    expect(typeof token).toBe('string');
    expect(position).toBeGreaterThan(0);

    const confirm = await app.inject({
      method: 'POST',
      url: '/double-opt-in/confirm',
      payload: { token },
      headers: { 'user-agent': 'Mail client' },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().events.map((e: { type: string }) => e.type)).toEqual([
      'DoubleOptInConfirmed',
      'ConsentGranted',
    ]);
    const reuse = await app.inject({ method: 'POST', url: '/double-opt-in/confirm', payload: { token } });
    expect(reuse.json()).toMatchObject({ statusCode: 409, code: 'DOUBLE_OPT_IN.TOKEN_USED', field: 'token' });

    expect(
      (await send('POST', `/subjects/${subjectId}/objections`, 'journey', { scope: { kind: 'direct_marketing' } }))
        .statusCode,
    ).toBe(200);
    const block = await send('POST', `/subjects/${subjectId}/blocks`, 'crm', {
      scope: { kind: 'global' },
      reason: 'Asked on the phone',
      reference: { kind: 'communication', id: 'call-17' },
    });
    expect(block.statusCode).toBe(201);

    const history = (await send('GET', `/subjects/${subjectId}/history`, 'dpo')).json();
    expect(history.map((e: { type: string }) => e.type)).toEqual([
      'SubjectRegistered',
      'DoubleOptInRequested',
      'DoubleOptInConfirmed',
      'ConsentGranted',
      'ObjectionRaised',
      'ContactBlockSet',
    ]);
    expect(history[3].data.evidence).toMatchObject({
      method: 'double_opt_in',
      textVersion: 1,
      userAgent: 'Mail client',
    });
    expect(history[1].prevHash).toBe(history[0].hash);
  });

  it('stores personal data only encrypted and shows auditors the proof without it', async () => {
    const { subjectId } = await register();
    const audit = (await send('GET', `/subjects/${subjectId}/history`, 'auditor')).json();
    expect(audit[0].data.contactPoints[0].address).toEqual({ redacted: true });
    const stored = await app.get<EventStore>(EVENT_STORE).readStream(subjectStreamName(subjectId));
    const data = stored[0].data as { contactPoints: Array<{ address: string }>; profile: { firstName: string } };
    expect(data.contactPoints[0].address).toMatch(/^enc:v1:/);
    expect(data.profile.firstName).toMatch(/^enc:v1:/);
    const file = readFileSync(join(booted.dataDir, 'events.sqlite'));
    const wal = readFileSync(join(booted.dataDir, 'events.sqlite-wal'));
    expect(file.includes('Anna.Berg@example.org') || wal.includes('Anna.Berg@example.org')).toBe(false);
  });

  it('refuses a pre-ticked grant and appends nothing', async () => {
    await defineNewsletter('news-preticked');
    const { subjectId } = await register();
    const grant = {
      topicId: 'news-preticked',
      channel: 'email',
      evidence: {
        method: 'checkbox',
        capturedAt: new Date().toISOString(),
        sourceSystem: 'shop',
        textVersion: 1,
        affirmativeAction: false,
      },
    };
    const res = await send('POST', `/subjects/${subjectId}/consents`, 'crm', grant);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('CONSENT.PRE_TICKED');
    expect((await send('GET', `/subjects/${subjectId}/history`, 'crm')).json()).toHaveLength(1);
  });
});
