import { generateWebhookSecret, TARGET_FORBIDDEN } from '#journeys';
import { startReceiver } from './support/journey-receivers';
import { RestartableApp } from './support/restartable-app';

const secret = generateWebhookSecret();
const tricks = [
  'http://127.0.0.1:8080/hook',
  'http://0x7f000001/',
  'http://2130706433/',
  'http://0177.0.0.1/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::1]/',
  'http://169.254.169.254/latest/meta-data',
  'http://10.0.0.5/',
  'http://192.168.1.20/',
  'http://[fd00::5]/',
  'http://0.0.0.0/',
  'http://localhost:3000/',
  'https://user:password@hooks.example.org/',
];

/** SSRF: a webhook makes the ledger POST wherever an admin (or a stolen admin key) says. */
describe('webhook targets (e2e)', () => {
  const ledger = new RestartableApp();
  const send = ledger.send.bind(ledger);

  afterEach(() => ledger.stop());
  afterAll(() => ledger.remove());

  /** The refusal names the field whether the DTO or the target rule refused it. */
  const refusedField = (body: { field?: string; violations?: Array<{ field: string }> }) =>
    body.field ?? body.violations?.[0]?.field;

  it.each(tricks)('refuses %s with 400 naming the url, and registers nothing', async (url) => {
    await ledger.start({ JOURNEY_WORKERS: 'false' });
    const res = await send('POST', '/webhooks', 'admin', { url, secret });
    expect(res.statusCode).toBe(400);
    expect(refusedField(res.json())).toBe('url');
    expect((await send('GET', '/webhooks', 'admin')).json()).toEqual([]);
  });

  it('still registers a public name', async () => {
    await ledger.start({ JOURNEY_WORKERS: 'false' });
    const res = await send('POST', '/webhooks', 'admin', { url: 'https://hooks.example.org/ledger', secret });
    expect(res.statusCode).toBe(201);
    expect((await send('DELETE', `/webhooks/${res.json().id}`, 'admin')).statusCode).toBe(204);
  });

  it('checks again when delivering: a name resolving to 127.0.0.1 is dead-lettered, never contacted', async () => {
    const receiver = await startReceiver(secret, () => false);
    const byName = receiver.url.replace('127.0.0.1', 'localhost');
    await ledger.start({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', JOURNEY_WORKERS: 'false' });
    const hook = (await send('POST', '/webhooks', 'admin', { url: byName, secret })).json();
    expect(hook.url).toBe(byName);

    await ledger.start({ WEBHOOK_MAX_ATTEMPTS: '1' });
    await send('POST', '/topics', 'admin', {
      id: 'target-news',
      title: 'N',
      description: 'N',
      allowedChannels: ['email'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 30,
    });
    await send('POST', '/topics/target-news/versions', 'dpo', { text: 'Yes.', language: 'en', change: 'material' });
    const { subjectId } = (
      await send('POST', '/subjects', 'crm', { locale: 'en', contactPoints: [], profile: {} })
    ).json();
    await ledger.grant(subjectId, 'target-news', 'email');

    let letters: Array<{ attempts: number; lastError: string }> = [];
    const deadline = Date.now() + 10_000;
    while (letters.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      letters = (await send('GET', `/webhooks/${hook.id}/dead-letters`, 'admin')).json();
    }
    expect(letters[0]).toMatchObject({ attempts: 1, lastError: TARGET_FORBIDDEN });
    expect(receiver.deliveries).toEqual([]);
    await receiver.close();
  });
});
