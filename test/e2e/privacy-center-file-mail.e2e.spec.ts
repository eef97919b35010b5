import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { moveClockTo } from './support/fake-clock';
import { PrivacyCenterClient } from './support/privacy-center-client';
import { eventually, linkInMail, PrivacyCenterWorld } from './support/privacy-center-world';

/** Development mode (no SMTP_URL): the sign-in mail is a file only while its link can be used. */
describe('Privacy Center: sign-in mail as a file (e2e)', () => {
  let world: PrivacyCenterWorld;

  beforeAll(async () => {
    world = await PrivacyCenterWorld.boot({ SMTP_URL: '' });
  });
  afterAll(() => world?.close());
  afterEach(() => jest.useRealTimers());

  const mailsOf = (subjectId: string) => {
    const folder = join(world.booted.dataDir, 'outbox-mail', subjectId);
    return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.eml')) : [];
  };

  async function signIn(address: string) {
    await world.app.inject({ method: 'POST', url: '/privacy-center/sign-in', payload: { email: address } });
  }

  it('writes the sign-in mail to the outbox folder and removes it once the link is used', async () => {
    const { subjectId } = await world.register('file@example.org');
    await world.lookupFinds('file@example.org');
    await world.app.inject({ method: 'POST', url: '/privacy-center/sign-in', payload: { email: 'file@example.org' } });
    const folder = join(world.booted.dataDir, 'outbox-mail', subjectId);
    const mailed = () => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.eml')) : []);
    const [name] = await eventually('the sign-in mail file', async () => mailed().length > 0 && mailed());
    const file = join(folder, name!);
    const token = linkInMail(readFileSync(file, 'utf8'), 'signin');
    expect((await new PrivacyCenterClient(world.app).open(token, 'signin')).statusCode).toBe(200);
    expect(existsSync(file)).toBe(false);
  });

  it('removes a mail whose link expired unused, sign-in or download, once the next mail is written', async () => {
    const late = await world.register('late-file@example.org');
    await world.lookupFinds('late-file@example.org');
    await signIn('late-file@example.org');
    await eventually('the sign-in mail file', async () => mailsOf(late.subjectId).length === 1);
    const delivery = await world.send('POST', `/subjects/${late.subjectId}/export/deliveries`, 'dpo', {});
    expect(delivery.statusCode).toBe(201);
    await eventually('the download mail file', async () => mailsOf(late.subjectId).length === 2);
    const next = await world.register('next-file@example.org');
    await world.lookupFinds('next-file@example.org');

    moveClockTo(Date.now() + 31 * 60_000);
    await signIn('next-file@example.org');
    await eventually('the next sign-in mail', async () => mailsOf(next.subjectId).length === 1);
    expect(mailsOf(late.subjectId)).toEqual([expect.stringMatching(/^export-/)]);

    moveClockTo(Date.now() + 8 * 86_400_000);
    await signIn('next-file@example.org');
    await eventually(
      'the third sign-in mail',
      async () => mailsOf(next.subjectId).length === 1 && mailsOf(late.subjectId).length === 0,
    );
    expect(existsSync(join(world.booted.dataDir, 'outbox-mail', late.subjectId))).toBe(false);
  });
});
