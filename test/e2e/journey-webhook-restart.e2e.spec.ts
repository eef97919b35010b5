import { generateWebhookSecret } from '#journeys';
import { startReceiver, until } from './support/journey-receivers';
import { RestartableApp } from './support/restartable-app';

/** The receivers listen on 127.0.0.1, a target refused by default. */
const receiversOnLoopback = { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' };

/** Given delivered webhooks, when the api restarts, then only what changed meanwhile is delivered: no loss, no flood. */
describe('webhook delivery across a restart (e2e)', () => {
  const ledger = new RestartableApp();
  const send = ledger.send.bind(ledger);
  const grant = (subjectId: string, channel: string) => ledger.grant(subjectId, 'restart-news', channel);

  afterEach(() => ledger.stop());
  afterAll(() => ledger.remove());

  it('resumes from the checkpointed progress', async () => {
    const secret = generateWebhookSecret();
    const receiver = await startReceiver(secret, () => false);
    await ledger.start(receiversOnLoopback);
    await send('POST', '/topics', 'admin', {
      id: 'restart-news',
      title: 'N',
      description: 'N',
      allowedChannels: ['email', 'sms', 'post'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 30,
    });
    await send('POST', '/topics/restart-news/versions', 'dpo', { text: 'Yes.', language: 'en', change: 'material' });
    expect((await send('POST', '/webhooks', 'admin', { url: receiver.url, secret })).statusCode).toBe(201);
    const { subjectId } = (
      await send('POST', '/subjects', 'crm', { locale: 'en', contactPoints: [], profile: {} })
    ).json();
    const before = [await grant(subjectId, 'email'), await grant(subjectId, 'sms')];
    await until('two deliveries', () => receiver.deliveries.length === 2);

    await ledger.start({ ...receiversOnLoopback, JOURNEY_WORKERS: 'false' });
    const meanwhile = await grant(subjectId, 'post');

    await ledger.start(receiversOnLoopback);
    await until('the change made while no worker ran', () => receiver.deliveries.length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.deliveries.map((d) => d.body.position)).toEqual([...before, meanwhile]);
    expect(receiver.deliveries.every((d) => d.signed && d.attempt === 1)).toBe(true);
    await receiver.close();
  });
});
