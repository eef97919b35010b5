import { randomBytes } from 'node:crypto';
import { CloudEvent, HTTP } from 'cloudevents';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';
import { openFeed, startReceiver, until } from './support/journey-receivers';

/** Issue #14: every new checkpoint leaves the system on the feed and the webhooks as it is made. */
describe('checkpoints as integration events (e2e)', () => {
  let booted: BootedApp;
  let keys: Record<string, string>;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    // Another change refuses loopback webhook targets unless this is set.
    booted = await bootApp({
      dataDir,
      env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '40' },
      listen: true,
    });
  });
  afterAll(() => booted.close());

  const send = (method: 'POST' | 'GET', url: string, role: string, payload?: object) =>
    booted.app.inject({ method, url, payload, headers: bearer(keys[role]!) });

  it('publishes audit.checkpoint.v1 with the export line (what `verify --anchors` reads), no subject, on the feed and to a webhook', async () => {
    const baseUrl = (await booted.app.getUrl()).replace('[::1]', '127.0.0.1');
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const receiver = await startReceiver(secret, () => false);
    expect(
      (
        await send('POST', '/webhooks', 'admin', {
          url: receiver.url,
          secret,
          filter: { types: ['audit.checkpoint.v1'] },
        })
      ).statusCode,
    ).toBe(201);
    const feed = await openFeed(`${baseUrl}/feed?after=0&type=audit.checkpoint.v1`, bearer(keys.journey!));
    const topic = {
      id: 'anchored',
      title: 'T',
      description: 'News',
      allowedChannels: ['email'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 30,
    };
    expect((await send('POST', '/topics', 'admin', topic)).statusCode).toBe(201);
    expect((await send('POST', '/audit/checkpoints', 'admin')).json().recorded).toBe(true);
    const [listed] = (await send('GET', '/audit/checkpoints?limit=1', 'auditor')).json();

    const frame = await until('the checkpoint on the feed', () =>
      feed.frames.find((f) => f.event === 'audit.checkpoint.v1'),
    );
    // The frame's data is a structured CloudEvent (issue #16); the integration event is its `data`.
    const published = HTTP.toEvent({
      headers: { 'content-type': 'application/cloudevents+json' },
      body: frame.data!,
    }) as CloudEvent<unknown>;
    expect(published.data).toEqual({
      id: listed.eventId,
      type: 'audit.checkpoint.v1',
      newState: 'anchored',
      position: listed.position,
      time: listed.checkpoint.time,
      anchor: listed,
    });
    expect({ id: published.id, type: published.type, time: published.time }).toEqual({
      id: listed.eventId,
      type: 'audit.checkpoint.v1',
      time: new Date(listed.checkpoint.time).toISOString(),
    });
    expect(published.subject).toBeUndefined();
    const delivery = await until('the checkpoint at the webhook', () =>
      receiver.deliveries.find((d) => d.body.type === 'audit.checkpoint.v1'),
    );
    expect(delivery.signed).toBe(true);
    expect(delivery.event.subject).toBeUndefined();
    expect(delivery.body.anchor).toEqual(listed);
    feed.close();
    await receiver.close();
  });
});
