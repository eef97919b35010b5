import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrivacyCenterClient } from './support/privacy-center-client';
import { eventually, linkInMail, PrivacyCenterWorld } from './support/privacy-center-world';

/** Development mode (no SMTP_URL): the sign-in mail is a file only while its link can be used. */
describe('Privacy Center: sign-in mail as a file (e2e)', () => {
  let world: PrivacyCenterWorld;

  beforeAll(async () => {
    world = await PrivacyCenterWorld.boot({ SMTP_URL: '' });
  });
  afterAll(() => world?.close());

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
});
