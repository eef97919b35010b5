import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SUBJECT_CRYPTO } from '#runtime';
import type { SubjectCrypto } from '#crypto';
import { PrivacyScheduler } from '../../apps/api/src/privacy/privacy-scheduler';
import { bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';
import { PERSON, expectStatus, privacyDriver } from './support/privacy-driver';

/** Art. 17 over HTTP: erasure with and without a legal hold, twice, unknown, and after a crash. */
describe('privacy: erasure (e2e)', () => {
  let booted: BootedApp;
  let app: NestFastifyApplication;
  let api: ReturnType<typeof privacyDriver>;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    const keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir });
    app = booted.app;
    api = privacyDriver(app, keys);
    await api.defineTopic('news-erase');
  });
  afterAll(async () => {
    await booted.close();
    const { rmSync } = await import('node:fs');
    rmSync(booted.dataDir, { recursive: true, force: true });
  });

  const types = (res: { json: () => { events: Array<{ type: string }> } }) => res.json().events.map((e) => e.type);

  it('erases at once without a hold, keeps the history as anonymous proof, and erasing twice appends nothing', async () => {
    const id = await api.registerPerson('news-erase');
    const erased = await api.send('POST', `/subjects/${id}/erasure`, 'dpo', {});
    expectStatus(erased, 200);
    expect(erased.json()).toMatchObject({ outcome: 'erased' });
    expect(types(erased)).toEqual(['ErasureRequested', 'SubjectErased']);

    const again = await api.send('POST', `/subjects/${id}/erasure`, 'admin', {});
    expectStatus(again, 200);
    expect(again.json()).toMatchObject({ outcome: 'unchanged', events: [], revision: erased.json().revision });

    const history = (await api.send('GET', `/subjects/${id}/history`, 'dpo')).json();
    expect(history.map((e: { type: string }) => e.type)).toEqual([
      'SubjectRegistered',
      'ConsentGranted',
      'ErasureRequested',
      'SubjectErased',
    ]);
    expect(history[0].data.contactPoints[0].address).toEqual({ erased: true });
    expect(history[1].data.evidence).toMatchObject({ method: 'checkbox', textVersion: 1, ipAddress: { erased: true } });
    expect(JSON.stringify(history)).not.toContain(PERSON.firstName);

    const refused = await api.send('POST', `/subjects/${id}/consents/revoke`, 'crm', { topicId: 'news-erase' });
    expect(refused.json()).toMatchObject({ statusCode: 409, code: 'SUBJECT.ERASED' });
  });

  it("refuses an unknown subject with 404 and a CRM erasure without the subject's request", async () => {
    const unknown = await api.send('POST', '/subjects/6f1c2b8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b/erasure', 'dpo', {});
    expect(unknown.json()).toMatchObject({ statusCode: 404, code: 'SUBJECT.NOT_FOUND' });
    const id = await api.registerPerson();
    const withoutRequest = await api.send('POST', `/subjects/${id}/erasure`, 'crm', {});
    expect(withoutRequest.json()).toMatchObject({
      statusCode: 400,
      code: 'ERASURE.REQUEST_REQUIRED',
      field: 'requestId',
    });
    expect((await api.send('POST', `/subjects/${id}/erasure`, 'auditor', {})).statusCode).toBe(403);
    const history = (await api.send('GET', `/subjects/${id}/history`, 'dpo')).json();
    expect(history).toHaveLength(1);
  });

  it('lets a CRM erase on the recorded request, which the erasure fulfils', async () => {
    const id = await api.registerPerson();
    const request = await api.send('POST', `/subjects/${id}/requests`, 'crm', { kind: 'erasure', channel: 'email' });
    expectStatus(request, 201);
    const erased = await api.send('POST', `/subjects/${id}/erasure`, 'crm', { requestId: request.json().requestId });
    expectStatus(erased, 200);
    expect(types(erased)).toEqual(['ErasureRequested', 'DataSubjectRequestFulfilled', 'SubjectErased']);
  });

  it('defers while a legal hold applies (202 with reason and end) and erases when the hold is released', async () => {
    const id = await api.registerPerson('news-erase');
    const hold = await api.send('POST', `/subjects/${id}/legal-holds`, 'dpo', {
      reason: 'Invoices kept ten years',
      until: '2099-01-01T00:00:00.000Z',
    });
    expectStatus(hold, 201);
    expect(
      (await api.send('POST', `/subjects/${id}/legal-holds`, 'crm', { reason: 'x', until: '2099-01-01T00:00:00.000Z' }))
        .statusCode,
    ).toBe(403);

    const deferred = await api.send('POST', `/subjects/${id}/erasure`, 'dpo', {});
    expect(deferred.statusCode).toBe(202);
    expect(deferred.json()).toMatchObject({
      outcome: 'deferred',
      reason: 'Invoices kept ten years',
      until: '2099-01-01T00:00:00.000Z',
      holdId: hold.json().holdId,
    });
    const repeated = await api.send('POST', `/subjects/${id}/erasure`, 'dpo', {});
    expect(repeated.json()).toMatchObject({ outcome: 'unchanged', events: [] });

    const scheduler = app.get(PrivacyScheduler);
    await scheduler.tick();
    expect(await lastType(id)).toBe('ErasureDeferred');
    expectStatus(
      await api.send('DELETE', `/subjects/${id}/legal-holds/${hold.json().holdId}?reason=settled`, 'dpo'),
      200,
    );
    await scheduler.tick();
    expect(await lastType(id)).toBe('SubjectErased');
  });

  it("carries out a deferred erasure on its own once the hold's end has passed", async () => {
    const id = await api.registerPerson();
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expectStatus(await api.send('POST', `/subjects/${id}/legal-holds`, 'dpo', { reason: 'Open claim', until }), 201);
    expect((await api.send('POST', `/subjects/${id}/erasure`, 'admin', {})).statusCode).toBe(202);
    await app.get(PrivacyScheduler).tick(new Date(Date.now() + 7_200_000).toISOString());
    expect(await lastType(id)).toBe('SubjectErased');
  });

  it('completes an erasure whose process died between destroying the key and appending SubjectErased', async () => {
    const id = await api.registerPerson('news-erase');
    await app.get<SubjectCrypto>(SUBJECT_CRYPTO).shred(id);
    const retried = await api.send('POST', `/subjects/${id}/erasure`, 'dpo', {});
    expectStatus(retried, 200);
    expect(types(retried)).toEqual(['ErasureRequested', 'SubjectErased']);
  });

  async function lastType(id: string): Promise<string> {
    const history = (await api.send('GET', `/subjects/${id}/history`, 'dpo')).json();
    return history[history.length - 1].type;
  }
});
