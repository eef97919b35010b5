import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { subjectStreamName } from '#domain';
import { bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';
import { PERSON, expectStatus, privacyDriver } from './support/privacy-driver';

/** Art. 15, 20 (export) and Art. 12(3) (deadlines) over HTTP; a tampered ciphertext fails clearly. */
describe('privacy: export and request deadlines (e2e)', () => {
  let booted: BootedApp;
  let app: NestFastifyApplication;
  let api: ReturnType<typeof privacyDriver>;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    const keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir });
    app = booted.app;
    api = privacyDriver(app, keys);
    await api.defineTopic('news-export', 365);
  });
  const queue = (status: string, role: string, position: number) =>
    api.send('GET', `/requests?status=${status}`, role, undefined, { 'x-min-position': String(position) });

  afterAll(async () => {
    await booted.close();
    const { rmSync } = await import('node:fs');
    rmSync(booted.dataDir, { recursive: true, force: true });
  });

  it('exports everything in clear text with texts and purposes, records who asked, and only the proof after erasure', async () => {
    const id = await api.registerPerson('news-export');
    const res = await api.send('GET', `/subjects/${id}/export?download=1`, 'crm');
    expectStatus(res, 200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="subject-${id}-export.json"`);
    const doc = res.json();
    expect(doc.personalData.contactPoints.map((p: { address: string }) => p.address)).toEqual([
      PERSON.email,
      PERSON.phone,
    ]);
    expect(doc.personalData.profile).toEqual({ firstName: PERSON.firstName, lastName: PERSON.lastName });
    expect(doc.personalData.externalIds).toEqual([{ system: 'crm', id: PERSON.crmId }]);
    expect(doc.consents[0]).toMatchObject({
      status: 'granted',
      grant: { evidence: { method: 'checkbox', textVersion: 1, ipAddress: '198.51.100.23' } },
      consentText: { version: 1, text: 'Yes, send me news-export.' },
    });
    expect(doc.purposes).toEqual([
      expect.objectContaining({ topicId: 'news-export', legalBasis: 'consent', retentionDays: 365 }),
    ]);
    expect((await api.send('GET', `/subjects/${id}/export`, 'auditor')).statusCode).toBe(403);

    const history = (await api.send('GET', `/subjects/${id}/history`, 'dpo')).json();
    expect(history.at(-1)).toMatchObject({
      type: 'SubjectExported',
      actor: 'e2e-crm',
      data: { requestedBy: 'e2e-crm', format: 'json' },
    });

    expectStatus(await api.send('POST', `/subjects/${id}/erasure`, 'dpo', {}), 200);
    const after = await api.send('GET', `/subjects/${id}/export`, 'dpo');
    expectStatus(after, 200);
    expect(after.json()).toMatchObject({ subjectId: id, status: 'erased', personalData: { erased: true } });
    expect(after.json().proof.map((e: { type: string }) => e.type)).toContain('SubjectErased');
    for (const value of Object.values(PERSON)) expect(after.body).not.toContain(value);
    expect((await api.send('GET', `/subjects/${id}/history`, 'dpo')).json().at(-1).type).toBe('SubjectErased');
  });

  it('answers an access request with the export, which fulfils it', async () => {
    const id = await api.registerPerson();
    const request = (
      await api.send('POST', `/subjects/${id}/requests`, 'crm', { kind: 'access', channel: 'web' })
    ).json();
    expectStatus(await api.send('GET', `/subjects/${id}/export?requestId=${request.requestId}`, 'crm'), 200);
    const history = (await api.send('GET', `/subjects/${id}/history`, 'dpo')).json();
    expect(history.slice(-2).map((e: { type: string }) => e.type)).toEqual([
      'SubjectExported',
      'DataSubjectRequestFulfilled',
    ]);
  });

  it('gives every request a due date one calendar month after receipt, extendable once', async () => {
    const id = await api.registerPerson();
    const res = await api.send('POST', `/subjects/${id}/requests`, 'crm', {
      kind: 'portability',
      channel: 'post',
      receivedAt: '2025-01-31T09:00:00.000Z',
      reference: 'letter-17',
    });
    expectStatus(res, 201);
    const { requestId } = res.json();
    expect(res.json().dueAt).toBe('2025-02-28T09:00:00.000Z');
    const overdue = (await queue('overdue', 'dpo', res.json().position)).json();
    expect(overdue).toContainEqual(
      expect.objectContaining({
        requestId,
        subjectId: id,
        kind: 'portability',
        dueAt: '2025-02-28T09:00:00.000Z',
        status: 'overdue',
      }),
    );

    const extension = await api.send('POST', `/subjects/${id}/requests/${requestId}/extension`, 'dpo', {
      months: 2,
      reason: 'Data in three archives',
    });
    expectStatus(extension, 200);
    const second = await api.send('POST', `/subjects/${id}/requests/${requestId}/extension`, 'dpo', {
      months: 1,
      reason: 'Still searching',
    });
    expect(second.json()).toMatchObject({ statusCode: 409, code: 'REQUEST.ALREADY_EXTENDED' });
    const tooLong = await api.send('POST', `/subjects/${id}/requests/${requestId}/extension`, 'dpo', {
      months: 3,
      reason: 'x',
    });
    expect(tooLong.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION.FAILED' });

    const open = (await queue('open', 'auditor', extension.json().position)).json();
    expect(open).toContainEqual(
      expect.objectContaining({
        requestId,
        initialDueAt: '2025-02-28T09:00:00.000Z',
        extendedUntil: '2025-04-30T09:00:00.000Z',
      }),
    );
    const rejection = await api.send('POST', `/subjects/${id}/requests/${requestId}/rejection`, 'dpo', {
      reason: 'Identity not verified',
    });
    expectStatus(rejection, 200);
    const after = (await queue('open', 'dpo', rejection.json().position)).json();
    expect(after.map((r: { requestId: string }) => r.requestId)).not.toContain(requestId);
    expect((await api.send('GET', '/requests?status=late', 'dpo')).json()).toMatchObject({
      statusCode: 400,
      field: 'status',
    });
  });

  it('serves the queue from the dsr-requests read model, honouring X-Min-Position', async () => {
    const id = await api.registerPerson();
    const res = await api.send('POST', `/subjects/${id}/requests`, 'crm', { kind: 'erasure', channel: 'email' });
    expectStatus(res, 201);
    const { requestId, position } = res.json();
    expect((await queue('open', 'dpo', position)).json()).toContainEqual(
      expect.objectContaining({ requestId, status: 'open' }),
    );
    const ahead = await queue('open', 'dpo', position + 1_000_000);
    expect(ahead.statusCode).toBe(503);
    expect(ahead.json()).toMatchObject({ code: 'PROJECTION.BEHIND' });
    expect(ahead.headers['retry-after']).toBe('1');
  });

  it('lists one subject’s requests, each open one as open or overdue', async () => {
    const [id, other] = [await api.registerPerson(), await api.registerPerson()];
    const late = await api.send('POST', `/subjects/${id}/requests`, 'crm', {
      kind: 'access',
      channel: 'email',
      receivedAt: '2025-01-01T00:00:00.000Z',
    });
    const fresh = await api.send('POST', `/subjects/${id}/requests`, 'crm', { kind: 'erasure', channel: 'email' });
    expectStatus(
      await api.send('POST', `/subjects/${other}/requests`, 'crm', { kind: 'access', channel: 'email' }),
      201,
    );
    const minPosition = { 'x-min-position': String(fresh.json().position) };
    const mine = (await api.send('GET', `/requests?subjectId=${id}`, 'dpo', undefined, minPosition)).json();
    expect(mine.map((r: { requestId: string; status: string }) => [r.requestId, r.status])).toEqual([
      [late.json().requestId, 'overdue'],
      [fresh.json().requestId, 'open'],
    ]);
    expect((await api.send('GET', '/requests?subjectId=nope', 'dpo')).json()).toMatchObject({
      statusCode: 400,
      field: 'subjectId',
    });
  });

  it('refuses a request received in the future and records nothing', async () => {
    const id = await api.registerPerson();
    const res = await api.send('POST', `/subjects/${id}/requests`, 'crm', {
      kind: 'access',
      channel: 'email',
      receivedAt: '2099-01-01T00:00:00.000Z',
    });
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'REQUEST.RECEIVED_AT_INVALID', field: 'receivedAt' });
    expect((await api.send('GET', `/subjects/${id}/history`, 'dpo')).json()).toHaveLength(1);
  });

  it('answers a tampered ciphertext with CRYPTO.INTEGRITY, never with garbage', async () => {
    const id = await api.registerPerson();
    const db = new Database(join(booted.dataDir, 'events.sqlite'));
    try {
      const row = db
        .prepare('SELECT position, data FROM events WHERE stream = ? AND revision = 0')
        .get(subjectStreamName(id)) as { position: number; data: string };
      const data = JSON.parse(row.data);
      const envelope: string = data.profile.firstName;
      data.profile.firstName = envelope.slice(0, -4) + (envelope.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(data), row.position);
    } finally {
      db.close();
    }
    const res = await api.send('GET', `/subjects/${id}/export`, 'dpo');
    expect(res.json()).toMatchObject({ statusCode: 500, code: 'CRYPTO.INTEGRITY' });
    expect(res.body).not.toContain(PERSON.firstName);
  });
});
