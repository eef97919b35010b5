import { randomBytes, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CloudEvent, HTTP } from 'cloudevents';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret } from '#journeys';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';
import { moveClockTo } from './support/fake-clock';
import { openFeed, startReceiver, startSmtp, until } from './support/journey-receivers';

/** Journey services over real sockets: SMTP on loopback, webhook receivers, an SSE client. */
describe('journey services (e2e)', () => {
  let booted: BootedApp;
  let app: NestFastifyApplication;
  let keys: Record<string, string>;
  let baseUrl: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    const env = {
      CLOUDEVENTS_SOURCE: 'urn:privacy-ledger:e2e',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Ledger <no-reply@ledger.test>',
      PUBLIC_BASE_URL: 'https://ledger.test',
      WEBHOOK_RETRY_BASE_MS: '40',
      WEBHOOK_RETRY_MAX_MS: '200',
      WEBHOOK_MAX_ATTEMPTS: '3',
      FEED_HEARTBEAT_MS: '300',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    };
    booted = await bootApp({ dataDir, env, listen: true });
    app = booted.app;
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await booted.close();
    await smtp.close();
  });

  /** A feed frame's `data:` as a receiver reads it: a structured CloudEvent, parsed by the SDK. */
  const cloudEvent = (data: string) =>
    HTTP.toEvent({ headers: { 'content-type': 'application/cloudevents+json' }, body: data }) as CloudEvent<
      Record<string, unknown>
    >;

  const send = (method: 'POST' | 'GET' | 'DELETE', url: string, role: string, payload?: object) =>
    app.inject({ method, url, payload, headers: bearer(keys[role]) });

  async function defineTopic(id: string, legalBasis = 'consent') {
    const topic = {
      id,
      title: `Topic ${id}`,
      description: 'News',
      allowedChannels: ['email', 'sms'],
      legalBasis,
      personalFields: [],
      retentionDays: 365,
    };
    expect((await send('POST', '/topics', 'admin', topic)).statusCode).toBe(201);
    expect(
      (
        await send('POST', `/topics/${id}/versions`, 'dpo', {
          text: `Ja, ${id} per E-Mail.`,
          language: 'de',
          change: 'material',
        })
      ).statusCode,
    ).toBe(201);
  }

  async function register(locale: string, address: string) {
    const res = await send('POST', '/subjects', 'crm', {
      locale,
      contactPoints: [{ channel: 'email', address }],
      profile: {},
    });
    const { subjectId } = res.json();
    const history = (await send('GET', `/subjects/${subjectId}/history`, 'crm')).json();
    return {
      subjectId: subjectId as string,
      contactPointId: history[0].data.contactPoints[0].contactPointId as string,
    };
  }

  async function grant(subjectId: string, topicId: string, channel = 'email') {
    const evidence = {
      method: 'checkbox',
      capturedAt: new Date().toISOString(),
      sourceSystem: 'shop',
      textVersion: 1,
      affirmativeAction: true,
    };
    const res = await send('POST', `/subjects/${subjectId}/consents`, 'crm', { topicId, channel, evidence });
    expect(res.statusCode).toBe(200);
    return res.json().position as number;
  }

  it('mails a double opt-in in the subject’s language; the link’s page confirms only on the button', async () => {
    await defineTopic('doi-news');
    const { subjectId, contactPointId } = await register('de-DE', 'erika.muster@example.org');
    const doi = await send('POST', `/subjects/${subjectId}/double-opt-in`, 'journey', {
      topicId: 'doi-news',
      channel: 'email',
      contactPointId,
      textVersion: 1,
      sourceSystem: 'shop',
    });
    expect(doi.statusCode).toBe(201);
    const mail = await until('the double opt-in mail', () =>
      smtp.mails.find((m) => m.to.includes('erika.muster@example.org')),
    );
    const eventId = doi.json().events[0].id;
    expect(mail.raw).toContain(`Message-ID: <doi-${eventId}@ledger.test>`);
    expect(mail.raw).toMatch(/Subject: =\?UTF-8\?Q\?Bitte_best|Subject: Bitte best/);
    const unfolded = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = /https:\/\/ledger\.test\/double-opt-in\?token=([^\s"<]+)/.exec(unfolded)![1]!;
    expect(decodeURIComponent(link)).toBe(doi.json().token);

    const page = await app.inject({ method: 'GET', url: `/double-opt-in?token=${link}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('action="/double-opt-in/confirm"');
    const afterGet = (await send('GET', `/subjects/${subjectId}/history`, 'crm'))
      .json()
      .map((e: { type: string }) => e.type);
    expect(afterGet).not.toContain('DoubleOptInConfirmed');

    const form = await app.inject({
      method: 'POST',
      url: '/double-opt-in/confirm',
      payload: `token=${link}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(200);
    expect(form.json().events.map((e: { type: string }) => e.type)).toEqual(['DoubleOptInConfirmed', 'ConsentGranted']);
  });

  it('still refuses form bodies on every other route', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/topics',
      payload: 'id=x',
      headers: { ...bearer(keys.admin), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'HTTP.UNSUPPORTED_MEDIA_TYPE' });
  });

  it('streams integration events as SSE within a second, filtered, and resumes after Last-Event-ID', async () => {
    await defineTopic('feed-news');
    await defineTopic('feed-other');
    const { subjectId } = await register('en', 'feed.person@example.org');
    const url = `${baseUrl}/feed?topicId=feed-news&type=consent.changed.v1,subject.erased.v1`;
    const feed = await openFeed(`${url}&after=0`, bearer(keys.journey));
    expect(feed.response.headers['content-type']).toContain('text/event-stream');
    const caughtUp = feed.frames.length;
    const started = Date.now();
    const position = await grant(subjectId, 'feed-news');
    await grant(subjectId, 'feed-other');
    const frame = await until('the grant on the feed', () => feed.frames.find((f) => f.id === String(position)));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(frame.event).toBe('consent.changed.v1');
    const event = cloudEvent(frame.data!);
    expect(event.validate()).toBe(true);
    expect(event).toMatchObject({
      specversion: '1.0',
      source: 'urn:privacy-ledger:e2e',
      type: 'consent.changed.v1',
      subject: subjectId,
      datacontenttype: 'application/json',
      ledgerposition: position,
    });
    expect(event.data).toMatchObject({
      id: event.id,
      type: 'consent.changed.v1',
      subjectId,
      topicId: 'feed-news',
      channel: 'email',
      newState: 'granted',
      position,
      time: event.time,
    });
    expect(JSON.stringify(feed.frames)).not.toContain('feed.person@example.org');
    await until('a heartbeat comment', () => feed.comments >= 2, 3000);
    expect(feed.frames.slice(caughtUp).every((f) => cloudEvent(f.data!).data!.topicId === 'feed-news')).toBe(true);
    feed.close();

    const later = await grant(subjectId, 'feed-news', 'sms');
    const resumed = await openFeed(url, { ...bearer(keys.journey), 'last-event-id': String(position) });
    await until('the resumed feed', () => resumed.frames.length >= 1);
    expect(resumed.frames.map((f) => Number(f.id))).toEqual([later]);
    resumed.close();
  });

  it('refuses a malformed Last-Event-ID and an unknown type with 400 naming the field', async () => {
    const bad = await app.inject({
      method: 'GET',
      url: '/feed',
      headers: { ...bearer(keys.crm), 'last-event-id': 'abc' },
    });
    expect(bad.json()).toMatchObject({ statusCode: 400, field: 'Last-Event-ID' });
    const type = await app.inject({ method: 'GET', url: '/feed?type=consent.changed.v9', headers: bearer(keys.crm) });
    expect(type.statusCode).toBe(400);
  });

  it('delivers signed webhooks in order with back-off, dead-letters what keeps failing, and replays it', async () => {
    await defineTopic('hook-news');
    const secret = generateWebhookSecret();
    const flakyTries = new Map<string, number>();
    const flaky = await startReceiver(secret, (id, attempt) => (flakyTries.set(id, attempt), attempt <= 2));
    let deadFails = true;
    const dead = await startReceiver(secret, () => deadFails);
    const filter = { topics: ['hook-news'], types: ['consent.changed.v1'] };
    const hookIds: string[] = [];
    for (const receiver of [flaky, dead]) {
      const res = await send('POST', '/webhooks', 'admin', { url: receiver.url, secret, filter });
      expect(res.statusCode).toBe(201);
      expect(JSON.stringify(res.json())).not.toContain(secret);
      hookIds.push(res.json().id);
    }
    expect(
      (await send('POST', '/webhooks', 'admin', { url: 'ftp://x.example', secret: 'short' })).json(),
    ).toMatchObject({ statusCode: 400, code: 'VALIDATION.FAILED' });
    expect((await send('POST', '/webhooks', 'journey', { url: flaky.url, secret })).statusCode).toBe(403);

    const { subjectId } = await register('en', 'hook.person@example.org');
    const first = await grant(subjectId, 'hook-news');
    const revoke = await send('POST', `/subjects/${subjectId}/consents/revoke`, 'crm', { topicId: 'hook-news' });
    const second = revoke.json().position as number;

    await until(
      'both events delivered to the flaky receiver',
      () => flaky.deliveries.filter((d) => d.attempt === 3).length === 2,
    );
    const delivered = flaky.deliveries.filter((d) => d.attempt === 3).map((d) => d.body.position);
    expect(delivered).toEqual([first, second]);
    expect(flaky.deliveries.every((d) => d.signed)).toBe(true);
    expect(
      flaky.deliveries.every((d) => d.headers['content-type'] === 'application/cloudevents+json' && d.event.validate()),
    ).toBe(true);
    expect(
      flaky.deliveries.every(
        (d) => d.eventId === d.event.id && d.event.id === d.body.id && d.event.subject === subjectId,
      ),
    ).toBe(true);
    expect(Object.keys(flaky.deliveries[0]!.headers).filter((h) => h.startsWith('x-ledger-'))).toEqual([
      'x-ledger-delivery-attempt',
    ]);
    const firstTries = flaky.deliveries.filter((d) => d.body.position === first);
    expect(firstTries.map((d) => d.attempt)).toEqual([1, 2, 3]);
    expect(new Set(firstTries.map((d) => d.eventId)).size).toBe(1);
    // Per subject in order: the revocation was not tried before the grant was delivered.
    const grantDone = flaky.deliveries.findIndex((d) => d.body.position === first && d.attempt === 3);
    expect(flaky.deliveries.findIndex((d) => d.body.position === second)).toBeGreaterThan(grantDone);

    await waitForDeadLetters(hookIds[1]!, 2);
    const list = (await send('GET', `/webhooks/${hookIds[1]}/dead-letters`, 'admin')).json();
    expect(list.map((l: { event: { position: number } }) => l.event.position)).toEqual([first, second]);
    expect(list[0]).toMatchObject({ attempts: 3, lastError: 'HTTP 500' });

    deadFails = false;
    const replay = await send('POST', `/webhooks/${hookIds[1]}/dead-letters/replay`, 'admin');
    expect(replay.json()).toEqual({ replayed: 2, delivered: 2, failed: 0 });
    expect((await send('GET', `/webhooks/${hookIds[1]}/dead-letters`, 'admin')).json()).toEqual([]);
    expect(dead.deliveries.slice(-2).map((d) => d.attempt)).toEqual([4, 4]);

    expect((await send('GET', '/webhooks', 'admin')).json().map((w: { id: string }) => w.id)).toEqual(
      expect.arrayContaining(hookIds),
    );
    for (const id of hookIds) expect((await send('DELETE', `/webhooks/${id}`, 'admin')).statusCode).toBe(204);
    expect((await send('DELETE', `/webhooks/${hookIds[0]}`, 'admin')).statusCode).toBe(404);
    await flaky.close();
    await dead.close();
  });

  it('refuses a secret that is not whsec_ and the base64 of 24+ bytes with 400 naming secret; registers nothing', async () => {
    const before = (await send('GET', '/webhooks', 'admin')).json().length;
    for (const secret of [
      'a-very-secret-signing-key',
      `whsec_${randomBytes(16).toString('base64')}`,
      `whsec_${'!'.repeat(40)}`,
    ]) {
      const res = await send('POST', '/webhooks', 'admin', { url: 'https://hooks.example.org/ledger', secret });
      expect(res.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION.FAILED', field: 'secret' });
    }
    expect((await send('GET', '/webhooks', 'admin')).json()).toHaveLength(before);
  });

  it('generates a secret shown once, rotates it by route, and signs with both while the overlap lasts', async () => {
    await defineTopic('rotate-news');
    const held: string[] = [];
    const receiver = await startReceiver(held, () => false);
    try {
      await rotateWhileDelivering(receiver, held);
    } finally {
      await receiver.close();
    }
  });

  async function rotateWhileDelivering(receiver: Awaited<ReturnType<typeof startReceiver>>, held: string[]) {
    const created = await send('POST', '/webhooks', 'admin', {
      url: receiver.url,
      filter: { topics: ['rotate-news'] },
    });
    expect(created.statusCode).toBe(201);
    const { id, secret: old } = created.json() as { id: string; secret: string };
    expect(old).toMatch(/^whsec_/);
    held.push(old);
    expect(JSON.stringify((await send('GET', '/webhooks', 'admin')).json())).not.toContain(old);
    const { subjectId } = await register('en', 'rotate.person@example.org');
    const before = await grant(subjectId, 'rotate-news');
    const first = await until('the delivery before the rotation', () =>
      receiver.deliveries.find((d) => d.body.position === before),
    );
    expect(first.verifiedWith).toEqual([old]);
    expect(first.headers['webhook-signature']!.split(' ')).toHaveLength(1);

    expect((await send('POST', `/webhooks/${randomUUID()}/secret/rotate`, 'admin', {})).statusCode).toBe(404);
    expect((await send('POST', `/webhooks/${id}/secret/rotate`, 'journey', {})).statusCode).toBe(403);
    expect(
      (await send('POST', `/webhooks/${id}/secret/rotate`, 'admin', { secret: 'too-short-and-no-prefix' })).json(),
    ).toMatchObject({ statusCode: 400, field: 'secret' });
    const rotated = await send('POST', `/webhooks/${id}/secret/rotate`, 'admin', {});
    expect(rotated.statusCode).toBe(200);
    const { secret: fresh, previousSecretValidUntil } = rotated.json() as {
      secret: string;
      previousSecretValidUntil: string;
    };
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(old);
    expect(Date.parse(previousSecretValidUntil) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    held.push(fresh);

    const after = await grant(subjectId, 'rotate-news', 'sms');
    const second = await until('the delivery after the rotation', () =>
      receiver.deliveries.find((d) => d.body.position === after),
    );
    // A receiver that holds only the old secret and one that holds only the new one both verify.
    expect(second.verifiedWith).toEqual([old, fresh]);
    expect(second.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(fresh).verify(second.raw.replace('"granted"', '"revoked"'), second.headers)).toThrow(
      'No matching signature found',
    );
    const replayedLater = jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 6 * 60_000);
    try {
      expect(() => new Webhook(fresh).verify(second.raw, second.headers)).toThrow('Message timestamp too old');
    } finally {
      replayedLater.mockRestore();
    }
    expect((await send('DELETE', `/webhooks/${id}`, 'admin')).statusCode).toBe(204);
  }

  async function waitForDeadLetters(id: string, count: number) {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if ((await send('GET', `/webhooks/${id}/dead-letters`, 'admin')).json().length >= count) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('timed out waiting for dead letters');
  }

  it('unsubscribes with one click (RFC 8058), at once and idempotently; GET only shows a button', async () => {
    await defineTopic('unsub-news');
    const { subjectId } = await register('en', 'unsub.person@example.org');
    await grant(subjectId, 'unsub-news');
    const issued = await send('POST', '/unsubscribe-links', 'journey', {
      subjectId,
      topicId: 'unsub-news',
      channel: 'email',
    });
    expect(issued.statusCode).toBe(201);
    const { url, headers } = issued.json();
    expect(headers).toEqual({ 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    const path = url.replace('https://ledger.test', '');

    const page = await app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post"');
    const history = async () =>
      (await send('GET', `/subjects/${subjectId}/history`, 'crm')).json().map((e: { type: string }) => e.type);
    expect(await history()).not.toContain('ObjectionRaised');

    const oneClick = { 'content-type': 'application/x-www-form-urlencoded' };
    const first = await app.inject({
      method: 'POST',
      url: path,
      payload: 'List-Unsubscribe=One-Click',
      headers: oneClick,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      subjectId,
      topicId: 'unsub-news',
      channel: 'email',
      recorded: ['ObjectionRaised', 'ConsentRevoked'],
    });
    const again = await app.inject({
      method: 'POST',
      url: path,
      payload: 'List-Unsubscribe=One-Click',
      headers: oneClick,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().recorded).toEqual([]);
    expect((await history()).filter((t: string) => t === 'ObjectionRaised')).toHaveLength(1);

    const forged = await app.inject({
      method: 'POST',
      url: path.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A')),
      payload: 'List-Unsubscribe=One-Click',
      headers: oneClick,
    });
    expect(forged.json()).toMatchObject({ statusCode: 400, code: 'UNSUBSCRIBE.TOKEN_INVALID', field: 'token' });
    expect(
      (await send('POST', '/unsubscribe-links', 'journey', { subjectId, topicId: 'no-such-topic', channel: 'email' }))
        .statusCode,
    ).toBe(404);
    // The same code as every other refusal of a channel the topic does not allow (it was CHANNEL.NOT_ALLOWED here).
    const offChannel = await send('POST', '/unsubscribe-links', 'journey', {
      subjectId,
      topicId: 'unsub-news',
      channel: 'post',
    });
    expect(offChannel.json()).toMatchObject({ statusCode: 400, code: 'TOPIC.CHANNEL_NOT_ALLOWED', field: 'channel' });
    expect(
      (await send('POST', '/unsubscribe-links', 'crm', { subjectId, topicId: 'unsub-news', channel: 'email' }))
        .statusCode,
    ).toBe(403);
  });

  it('records the objection from a link issued two years ago (Art. 21(2): at any time); ttlDays still expires a link', async () => {
    await defineTopic('old-news');
    const { subjectId } = await register('en', 'old.link@example.org');
    await grant(subjectId, 'old-news');
    const twoYearsAgo = new Date(Date.now() - 2 * 365 * 86_400_000);
    // Only the clock is moved back, while the links are issued; timers keep running.
    moveClockTo(twoYearsAgo.getTime());
    let issued!: { url: string; expiresAt: string | null };
    let limited!: { url: string; expiresAt: string };
    try {
      issued = (
        await send('POST', '/unsubscribe-links', 'journey', { subjectId, topicId: 'old-news', channel: 'email' })
      ).json();
      limited = (
        await send('POST', '/unsubscribe-links', 'journey', {
          subjectId,
          topicId: 'old-news',
          channel: 'email',
          ttlDays: 365,
        })
      ).json();
    } finally {
      jest.useRealTimers();
    }
    expect(issued.expiresAt).toBeNull();
    expect(Date.parse(limited.expiresAt)).toBeLessThan(Date.now());
    const oneClick = (url: string) =>
      app.inject({
        method: 'POST',
        url: url.replace('https://ledger.test', ''),
        payload: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    expect((await oneClick(limited.url)).json()).toMatchObject({
      statusCode: 400,
      code: 'UNSUBSCRIBE.TOKEN_EXPIRED',
      field: 'token',
    });
    const clicked = await oneClick(issued.url);
    expect(clicked.statusCode).toBe(200);
    expect(clicked.json()).toMatchObject({
      subjectId,
      topicId: 'old-news',
      channel: 'email',
      recorded: ['ObjectionRaised', 'ConsentRevoked'],
    });
  });
});
