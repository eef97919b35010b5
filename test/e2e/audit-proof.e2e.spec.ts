import { createPublicKey } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AUDIT_SIGNING_KEY } from '#application';
import { ProjectionProgress } from '#projection-runtime';
import { READ_STORE } from '#runtime';
import {
  parsePublicKey,
  signReceipt,
  treeInclusionProblem,
  verifyConsistency,
  verifyReceipt,
  type AuditSigningKey,
} from '#audit';
import type { ReadStore } from '#read-store';
import { SUBJECT_PROFILES } from '#projections';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';

/** Proof for auditors over HTTP: anchors, subject verification, timeline, state at a moment, receipts. */
describe('audit proof (e2e)', () => {
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
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

  async function topic(id: string) {
    const body = {
      id,
      title: 'Newsletter',
      description: 'Monthly product news',
      allowedChannels: ['email', 'sms'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 730,
    };
    expect((await send('POST', '/topics', 'admin', body)).statusCode).toBe(201);
    expect(
      (
        await send('POST', `/topics/${id}/versions`, 'dpo', {
          text: 'Yes, send me news.',
          language: 'en',
          change: 'material',
        })
      ).statusCode,
    ).toBe(201);
  }

  async function subject(): Promise<string> {
    const res = await send('POST', '/subjects', 'crm', {
      locale: 'de-DE',
      contactPoints: [{ channel: 'email', address: 'eva@example.org' }],
      profile: {},
    });
    expect(res.statusCode).toBe(201);
    return res.json().subjectId;
  }

  const grant = (id: string, topicId: string, channel = 'email') =>
    send('POST', `/subjects/${id}/consents`, 'crm', {
      topicId,
      channel,
      evidence: {
        method: 'checkbox',
        capturedAt: new Date().toISOString(),
        sourceSystem: 'shop',
        textVersion: 1,
        affirmativeAction: true,
      },
    });

  it('serves the public key without a key, and lists the checkpoints an admin records', async () => {
    await topic('audit-news');
    const id = await subject();
    expect((await grant(id, 'audit-news')).statusCode).toBe(200);
    const key = (await app.inject({ method: 'GET', url: '/audit/public-key' })).json();
    expect(key).toMatchObject({ algorithm: 'Ed25519', keyId: expect.stringMatching(/^ed25519:[0-9a-f]{16}$/) });
    expect(createPublicKey(key.publicKeyPem).asymmetricKeyType).toBe('ed25519');
    const recorded = (await send('POST', '/audit/checkpoints', 'admin')).json();
    expect(recorded).toMatchObject({
      recorded: true,
      checkpoint: { algorithm: 'Ed25519', checkpoint: { keyId: key.keyId } },
    });
    expect((await send('POST', '/audit/checkpoints', 'admin')).json()).toEqual({ recorded: false });
    const list = await send('GET', '/audit/checkpoints?limit=5', 'auditor');
    expect(list.statusCode).toBe(200);
    expect(list.json()[0]).toMatchObject({ checkpoint: recorded.checkpoint.checkpoint, revision: 0 });
    expect((await send('GET', '/audit/checkpoints?limit=0', 'dpo')).json()).toMatchObject({
      statusCode: 400,
      field: 'limit',
    });
  });

  it('verifies a subject: its chain, the anchor covering it and the inclusion of its head', async () => {
    await topic('audit-verify');
    const id = await subject();
    await grant(id, 'audit-verify');
    await send('POST', '/audit/checkpoints', 'admin');
    const res = await send('GET', `/subjects/${id}/verify`, 'auditor');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // The inclusion is now of the head's event in the log's tree (issue #14), not of a stream-head leaf.
    expect(body).toMatchObject({
      ok: true,
      events: 2,
      anchors: { covering: 1, signaturesValid: 1 },
      head: { revision: 1 },
      inclusion: { verified: true, treeSize: expect.any(Number) },
    });
    const key = parsePublicKey((await app.inject({ method: 'GET', url: '/audit/public-key' })).json().publicKeyPem);
    expect(treeInclusionProblem(body.head.hash, body.inclusion, key)).toBeUndefined();
    expect(treeInclusionProblem('0'.repeat(64), body.inclusion, key)).toMatch(/is not leaf/);
  });

  it('tells the history as readable steps in English and German, with evidence and text hash', async () => {
    await topic('audit-timeline');
    const id = await subject();
    await grant(id, 'audit-timeline');
    const res = await send('GET', `/subjects/${id}/timeline`, 'auditor');
    expect(res.statusCode).toBe(200);
    const [registered, granted] = res.json();
    expect(registered.description.en).toBe('Subject registered (locale de-DE), contact points: e-mail');
    expect(granted.description).toEqual({
      en: 'Consent granted for Newsletter by e-mail (checkbox, text version 1)',
      de: 'Einwilligung für Newsletter per E-Mail erteilt (Checkbox, Textversion 1)',
    });
    expect(granted.textVersion).toMatchObject({
      topicId: 'audit-timeline',
      version: 1,
      textHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      language: 'en',
    });
    expect(granted.evidence).toMatchObject({ method: 'checkbox', sourceSystem: 'shop' });
    expect(JSON.stringify(res.json())).not.toContain('eva@example.org');
  });

  it('replays the consent matrix as it was at a moment, with the events it rests on', async () => {
    await topic('audit-state');
    const id = await subject();
    const granted = (await grant(id, 'audit-state')).json();
    await pause();
    const between = new Date().toISOString();
    await pause();
    const revoked = (
      await send('POST', `/subjects/${id}/consents/revoke`, 'crm', { topicId: 'audit-state', channel: 'email' })
    ).json();
    const then = (await send('GET', `/subjects/${id}/state?at=${encodeURIComponent(between)}`, 'auditor')).json();
    expect(then.consents).toEqual([
      expect.objectContaining({
        topicId: 'audit-state',
        channel: 'email',
        status: 'granted',
        restsOn: [granted.events[0].id],
      }),
    ]);
    const now = (
      await send('GET', `/subjects/${id}/state?at=${encodeURIComponent(new Date().toISOString())}`, 'crm')
    ).json();
    expect(now.consents[0]).toMatchObject({ status: 'revoked', restsOn: [granted.events[0].id, revoked.events[0].id] });
    expect(now.consents[0].topicEvents).toHaveLength(2);
  });

  /** The matrix the subject-profile projection held right after a step equals state-at for that moment. */
  async function projectedMatrix(id: string, position: number) {
    expect(await app.get(ProjectionProgress).waitFor(position, 5000)).toBe(true);
    const stored = await app.get<ReadStore>(READ_STORE).get(SUBJECT_PROFILES, id);
    const consents = (stored?.doc.consents ?? []) as Array<{
      scope: { topicId: string; channel: string };
      status: string;
    }>;
    return consents.map(({ scope, status }) => ({
      topicId: scope.topicId,
      channel: scope.channel,
      recordedStatus: status,
    }));
  }

  it('matches the consent matrix the projection held at each moment', async () => {
    await topic('audit-projection');
    const id = await subject();
    const moments: Array<{ at: string; matrix: unknown }> = [];
    for (const step of [
      () => grant(id, 'audit-projection'),
      () => grant(id, 'audit-projection', 'sms'),
      () => send('POST', `/subjects/${id}/consents/revoke`, 'crm', { topicId: 'audit-projection', channel: 'email' }),
    ]) {
      const { position } = (await step()).json();
      moments.push({ matrix: await projectedMatrix(id, position), at: new Date().toISOString() });
      await pause();
    }
    for (const { at, matrix } of moments) {
      const state = (await send('GET', `/subjects/${id}/state?at=${encodeURIComponent(at)}`, 'auditor')).json();
      const replayed = state.consents.map(({ topicId, channel, recordedStatus }: Record<string, string>) => ({
        topicId,
        channel,
        recordedStatus,
      }));
      expect(replayed).toEqual(expect.arrayContaining(matrix as object[]));
      expect(replayed).toHaveLength((matrix as object[]).length);
    }
  });

  it('refuses a malformed or future time with 400 naming at', async () => {
    const id = await subject();
    for (const at of ['yesterday', '2026-13-01T00:00:00Z', new Date(Date.now() + 3_600_000).toISOString()]) {
      const res = await send('GET', `/subjects/${id}/state?at=${encodeURIComponent(at)}`, 'auditor');
      expect(res.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION.FAILED', field: 'at' });
    }
    expect((await send('GET', `/subjects/${id}/state`, 'auditor')).json()).toMatchObject({
      statusCode: 400,
      field: 'at',
    });
  });

  it('issues a signed receipt for a current grant that verifies offline, and 404 without one', async () => {
    await topic('audit-receipt');
    const id = await subject();
    expect((await send('GET', `/subjects/${id}/consents/audit-receipt/email/receipt`, 'crm')).statusCode).toBe(404);
    const granted = (await grant(id, 'audit-receipt')).json();
    const res = await send('GET', `/subjects/${id}/consents/audit-receipt/email/receipt`, 'auditor');
    expect(res.statusCode).toBe(200);
    const receipt = res.json();
    expect(receipt).toMatchObject({
      version: 'KI-CR-v1.1.0',
      piiPrincipalId: id,
      piiControllers: [{ piiController: 'ACME GmbH', contact: 'datenschutz@acme.example' }],
      services: [
        {
          service: 'Newsletter',
          purposes: [{ purpose: 'Monthly product news', legalBasis: expect.stringContaining('Art. 6(1)(a)') }],
        },
      ],
      proof: {
        eventId: granted.events[0].id,
        textVersion: 1,
        method: 'checkbox',
        eventHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(JSON.stringify(receipt)).not.toContain('eva@example.org');
    const key = parsePublicKey((await app.inject({ method: 'GET', url: '/audit/public-key' })).json().publicKeyPem);
    expect(verifyReceipt(receipt, key)).toMatchObject({ valid: true });
    expect(verifyReceipt({ ...receipt, collectionMethod: 'paper' }, key)).toMatchObject({ valid: false });
    await send('POST', `/subjects/${id}/consents/revoke`, 'crm', { topicId: 'audit-receipt', channel: 'email' });
    expect((await send('GET', `/subjects/${id}/consents/audit-receipt/email/receipt`, 'dpo')).json()).toMatchObject({
      statusCode: 404,
      code: 'RECEIPT.NOT_FOUND',
    });
    // The path parameter is the topic's id and a refusal names it so.
    expect((await send('GET', `/subjects/${id}/consents/-no-topic/email/receipt`, 'dpo')).json()).toMatchObject({
      statusCode: 400,
      field: 'topicId',
    });
  });

  it('puts the inclusion proof of the grant in the receipt once a checkpoint covers it, checked offline', async () => {
    await topic('audit-included');
    const id = await subject();
    const granted = (await grant(id, 'audit-included')).json();
    const url = `/subjects/${id}/consents/audit-included/email/receipt`;
    expect((await send('GET', url, 'crm')).json().proof.inclusion).toBeUndefined();
    const anchor = (await send('POST', '/audit/checkpoints', 'admin')).json().checkpoint;
    const receipt = (await send('GET', url, 'crm')).json();
    expect(receipt.proof).toMatchObject({
      eventId: granted.events[0].id,
      inclusion: { checkpoint: anchor.checkpoint, signature: anchor.signature, treeSize: anchor.checkpoint.logSize },
    });
    const key = parsePublicKey((await app.inject({ method: 'GET', url: '/audit/public-key' })).json().publicKeyPem);
    expect(verifyReceipt(receipt, key)).toEqual({
      valid: true,
      keyId: key.keyId,
      included: { leafIndex: receipt.proof.inclusion.leafIndex, treeSize: anchor.checkpoint.logSize },
    });
    // Signed by the right key but with a path that does not lead to the checkpoint's root: refused.
    const signer = app.get<AuditSigningKey>(AUDIT_SIGNING_KEY);
    const { signature: _s, ...unsigned } = receipt;
    const bent = {
      ...unsigned,
      proof: {
        ...receipt.proof,
        inclusion: { ...receipt.proof.inclusion, leafIndex: receipt.proof.inclusion.leafIndex === 0 ? 1 : 0 },
      },
    };
    expect(verifyReceipt(signReceipt(bent, signer), key)).toMatchObject({
      valid: false,
      reason: expect.stringContaining('the inclusion proof fails'),
    });
  });

  it('proves two checkpoints consistent, so a monitor holding both sees the log only grew in between', async () => {
    await topic('audit-consistent');
    const older = (await send('POST', '/audit/checkpoints', 'admin')).json().checkpoint.checkpoint;
    await subject();
    const newer = (await send('POST', '/audit/checkpoints', 'admin')).json().checkpoint.checkpoint;
    const res = await send('GET', `/audit/consistency?first=${older.logSize}&second=${newer.logSize}`, 'auditor');
    expect(res.statusCode).toBe(200);
    const { proof } = res.json() as { proof: string[] };
    const [a, b] = [Buffer.from(older.merkleRoot, 'hex'), Buffer.from(newer.merkleRoot, 'hex')];
    const hashes = proof.map((p) => Buffer.from(p, 'hex'));
    expect(verifyConsistency(older.logSize, newer.logSize, hashes, a, b)).toBe(true);
    expect(verifyConsistency(older.logSize, newer.logSize, hashes, Buffer.alloc(32), b)).toBe(false);
    expect(
      (await send('GET', `/audit/consistency?first=${newer.logSize}&second=${older.logSize}`, 'auditor')).json(),
    ).toMatchObject({ statusCode: 400, field: 'first' });
    expect((await send('GET', '/audit/consistency?first=1&second=x', 'auditor')).json()).toMatchObject({
      statusCode: 400,
      field: 'second',
    });
    expect(
      (await send('GET', `/audit/consistency?first=1&second=${newer.logSize + 1000}`, 'auditor')).json(),
    ).toMatchObject({ statusCode: 404, code: 'AUDIT.TREE_TOO_SMALL' });
    expect((await send('GET', '/audit/consistency?first=1&second=2', 'crm')).statusCode).toBe(403);
  });
});
