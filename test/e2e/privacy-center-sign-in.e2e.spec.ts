import fs from 'node:fs';
import { PrivacyCenterSignIn } from '#journeys';
import { moveClockTo } from './support/fake-clock';
import { PrivacyCenterClient } from './support/privacy-center-client';
import { eventually, linkInMail, PrivacyCenterWorld } from './support/privacy-center-world';

/** Headers that differ between any two answers: when, which request, how much of the window is left. */
const PER_REQUEST = /^(date|x-request-id|x-ratelimit-|retry-after)/;

/** Sign-in by address: nothing reveals whether someone is known; the link works once, for 30 minutes. */
describe('Privacy Center: sign-in by e-mail (e2e)', () => {
  let world: PrivacyCenterWorld;
  const logged: string[] = [];

  beforeAll(async () => {
    const write = fs.writeSync.bind(fs);
    jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown, ...rest: never[]) => {
      if (fd === 1 || fd === 2) {
        logged.push(String(data));
        return String(data).length;
      }
      return write(fd, data as string, ...rest);
    }) as typeof fs.writeSync);
    world = await PrivacyCenterWorld.boot({
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      PRIVACY_CENTER_SIGN_IN_ADDRESS_LIMIT: '3',
    });
  });
  afterAll(async () => {
    await world?.close();
    jest.restoreAllMocks();
  });
  afterEach(() => jest.useRealTimers());

  const signIn = (email: string) =>
    world.app.inject({ method: 'POST', url: '/privacy-center/sign-in', payload: { email } });

  async function known(address: string) {
    const subject = await world.register(address, 'de-DE');
    await world.lookupFinds(address);
    return subject;
  }

  async function mailedToken(address: string, count = 1) {
    const mail = await eventually(`sign-in mail ${count} to ${address}`, async () => world.mailsTo(address)[count - 1]);
    return linkInMail(mail.raw, 'signin');
  }

  it('answers a known and an unknown address byte for byte alike; only the known one gets a mail', async () => {
    await known('kunde@example.org');
    const known1 = await signIn('kunde@example.org');
    const unknown = await signIn('fremd@example.org');
    expect(known1.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(known1.statusCode);
    expect(unknown.body).toBe(known1.body);
    expect(known1.json()).toEqual({ status: 'sent' });
    const stable = (headers: Record<string, unknown>) =>
      Object.entries(headers).filter(([name]) => !PER_REQUEST.test(name));
    expect(stable(unknown.headers)).toEqual(stable(known1.headers));
    const mail = await eventually('the sign-in mail', async () => world.mailsTo('kunde@example.org')[0]);
    expect(mail.raw).toMatch(/Content-Language: de/);
    expect(mail.raw).toContain('https://ledger.test/privacy-center/#signin=');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(world.mailsTo('fremd@example.org')).toEqual([]);
  });

  it('opens one session from a sign-in link and refuses it the second time; a forged one is refused', async () => {
    const { contactPointId } = await known('once@example.org');
    await signIn('once@example.org');
    const token = await mailedToken('once@example.org');
    const client = new PrivacyCenterClient(world.app);
    expect((await client.open(token, 'signin')).json()).toMatchObject({ locale: 'de-DE' });
    const me = (await client.get('/privacy-center/me')).json();
    expect(me.contactPoints).toEqual([{ contactPointId, channel: 'email', masked: 'o***@example.org' }]);
    const reused = await new PrivacyCenterClient(world.app).open(token, 'signin');
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ code: 'PRIVACY_CENTER.LINK_USED' });
    expect(reused.headers['set-cookie']).toBeUndefined();
    const forged = await new PrivacyCenterClient(world.app).open(`${token.split('.')[0]}.forged`, 'signin');
    expect(forged.json()).toMatchObject({ statusCode: 401, code: 'PRIVACY_CENTER.LINK_INVALID' });
    const footerForged = await new PrivacyCenterClient(world.app).open(token, 'link');
    expect(footerForged.json()).toMatchObject({ statusCode: 401, code: 'PRIVACY_CENTER.LINK_INVALID' });
  });

  it('grants an e-mail consent at once for the address the sign-in mail proved', async () => {
    await world.defineTopic('letters');
    const { subjectId } = await known('proven@example.org');
    await signIn('proven@example.org');
    const client = new PrivacyCenterClient(world.app);
    await client.open(await mailedToken('proven@example.org'), 'signin');
    const granted = await client.post('/privacy-center/consents', {
      topicId: 'letters',
      channel: 'email',
      textVersion: 1,
    });
    expect(granted.json()).toEqual({ outcome: 'granted' });
    const grant = (await world.history(subjectId)).find((event) => event.type === 'ConsentGranted');
    expect(grant?.data.evidence).toMatchObject({ method: 'privacy_center', textVersion: 1, affirmativeAction: true });
  });

  it('expires a sign-in link after 30 minutes', async () => {
    await known('late@example.org');
    await signIn('late@example.org');
    const token = await mailedToken('late@example.org');
    moveClockTo(Date.now() + 31 * 60_000);
    const late = await new PrivacyCenterClient(world.app).open(token, 'signin');
    expect(late.json()).toMatchObject({ statusCode: 401, code: 'PRIVACY_CENTER.LINK_EXPIRED' });
  });

  it('limits sign-in requests per address (429 with Retry-After), known or not', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn('flood@example.org')).statusCode).toBe(202);
    const limited = await signIn('FLOOD@example.org');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'HTTP.RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn('another@example.org')).statusCode).toBe(202);
  });

  it('never writes an address to a log line', async () => {
    await world.app.get(PrivacyCenterSignIn).settled();
    expect(logged.join('').length).toBeGreaterThan(0);
    expect(logged.join('')).toContain('/privacy-center/sign-in');
    for (const address of ['kunde@example.org', 'fremd@example.org', 'once@example.org', 'flood@example.org'])
      expect(logged.join('')).not.toContain(address);
  });
});
