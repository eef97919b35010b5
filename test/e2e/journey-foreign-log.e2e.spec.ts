import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWebhookSecret } from '#journeys';
import { ReadSideDriver } from './read-side.driver';
import { createRoleKeys, tempDataDir } from './support/boot';
import { startReceiver, startSmtp, until } from './support/journey-receivers';
import { copyLog } from './support/log-files';

const SECRET = generateWebhookSecret();

/**
 * Issue #14, part 2, for the journey workers: a restored older log beside newer delivery progress
 * and outbox checkpoint must neither swallow a withdrawal nor a double opt-in request that land on
 * positions the workers had already passed, and must not mail again what was mailed.
 */
describe('journey workers beside a restored older log (e2e)', () => {
  const dataDir = tempDataDir();
  const keys = createRoleKeys(dataDir);
  let driver: ReadSideDriver | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    receiver = await startReceiver(SECRET, () => false);
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await driver?.close();
    await receiver.close();
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function restart(): Promise<ReadSideDriver> {
    await driver?.close();
    driver = await ReadSideDriver.bootOn(dataDir, keys, {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Ledger <no-reply@ledger.test>',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    });
    return driver;
  }

  async function requestDoubleOptIn(d: ReadSideDriver, address: string): Promise<void> {
    const subject = await d.register([{ channel: 'email', address }]);
    const contactPointId = await d.contactPointId(subject);
    await d.command('POST', `/subjects/${subject}/double-opt-in`, 'journey', {
      topicId: 'promo',
      channel: 'email',
      contactPointId,
      textVersion: 1,
      sourceSystem: 'shop',
    });
  }

  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address)).length;
  const deliveredTo = (subject: string, newState: string) =>
    receiver.deliveries.filter(
      (d) => d.body.subjectId === subject && (d.body as unknown as { newState: string }).newState === newState,
    ).length;

  it('delivers the withdrawal and mails the new request; what was mailed is not mailed again', async () => {
    let d = await restart();
    await d.defineTopic('promo');
    await d.command('POST', '/webhooks', 'admin', { url: receiver.url, secret: SECRET });
    const anna = await d.register([{ channel: 'email', address: 'anna@example.org' }]);
    await d.grant(anna, 'promo');
    await requestDoubleOptIn(d, 'before@example.org');
    await until(
      'grant delivered and mail sent',
      () => deliveredTo(anna, 'granted') === 1 && mailsTo('before@example.org') === 1,
    );
    await d.close();
    driver = undefined;
    const aside = mkdtempSync(join(tmpdir(), 'ledger-log-copy-'));
    copyLog(dataDir, aside);

    d = await restart();
    for (let i = 0; i < 4; i++) await requestDoubleOptIn(d, `later${i}@example.org`);
    await until('later mails sent', () => [0, 1, 2, 3].every((i) => mailsTo(`later${i}@example.org`) === 1));
    await until('later events delivered', () => receiver.deliveries.length >= 5);
    await d.close();
    driver = undefined;
    copyLog(aside, dataDir);
    rmSync(aside, { recursive: true, force: true });

    d = await restart();
    await d.command('POST', `/subjects/${anna}/consents/revoke`, 'crm', { topicId: 'promo', channel: 'email' });
    await requestDoubleOptIn(d, 'after@example.org');
    await until('the withdrawal delivered', () => deliveredTo(anna, 'revoked') === 1);
    await until('the new request mailed', () => mailsTo('after@example.org') === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo('before@example.org')).toBe(1);
    expect(deliveredTo(anna, 'granted')).toBe(1);
  });
});
