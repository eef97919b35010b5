import { PrivacyCenterClient } from './support/privacy-center-client';
import { PrivacyCenterWorld } from './support/privacy-center-world';

/** An attacker's pass over the Privacy Center (Art. 32): another person's data, stolen sessions, input tricks. */
describe('Privacy Center under attack (e2e)', () => {
  let world: PrivacyCenterWorld;

  beforeAll(async () => {
    world = await PrivacyCenterWorld.boot();
    await world.defineTopic('news');
  });
  afterAll(() => world?.close());

  async function signedIn(address: string, preset: Record<string, string> = {}) {
    const subject = await world.register(address);
    const client = new PrivacyCenterClient(world.app);
    Object.assign(client, preset);
    expect((await client.open(await world.footerLinkToken(subject.subjectId), 'link')).statusCode).toBe(200);
    return { ...subject, client };
  }

  const types = async (subjectId: string) => (await world.history(subjectId)).map((event) => event.type);

  it('acts for nobody but the session’s own subject', async () => {
    const mallory = await signedIn('mallory@example.org');
    const victim = await signedIn('victim@example.org');
    const before = await types(victim.subjectId);
    const body = { topicId: 'news', channel: 'email', contactPointId: victim.contactPointId, textVersion: 1 };
    const grant = await mallory.client.post('/privacy-center/consents', body);
    expect(grant.statusCode).toBe(404);
    expect(grant.json()).toMatchObject({ code: 'CONTACT_POINT.NOT_FOUND', field: 'contactPointId' });
    const foreignCsrf = { 'x-csrf-token': victim.client.csrfToken! };
    const block = await mallory.client.post('/privacy-center/blocks', { kind: 'global' }, foreignCsrf);
    expect(block.json()).toMatchObject({ code: 'PRIVACY_CENTER.CSRF_INVALID' });
    expect(await types(victim.subjectId)).toEqual(before);
    expect(JSON.stringify((await mallory.client.get('/privacy-center/me')).json())).not.toContain(victim.subjectId);
  });

  it('never adopts a cookie value the attacker chose, and ends sessions on sign-out and erasure', async () => {
    const fixed = 'pc_session=chosen-by-the-attacker';
    const { subjectId, client } = await signedIn('fixated@example.org', { cookie: fixed });
    expect(client.cookie).not.toBe(fixed);
    const planted = await world.app.inject({ method: 'GET', url: '/privacy-center/me', headers: { cookie: fixed } });
    expect(planted.statusCode).toBe(401);
    const overHttp = `__Host-${client.cookie}`;
    const hostOverHttp = await world.app.inject({
      method: 'GET',
      url: '/privacy-center/me',
      headers: { cookie: overHttp },
    });
    expect(hostOverHttp.statusCode).toBe(401);
    const link = await world.footerLinkToken(subjectId);
    const stolen = client.cookie;
    expect((await client.delete('/privacy-center/session')).statusCode).toBe(204);
    const reused = await world.app.inject({ method: 'GET', url: '/privacy-center/me', headers: { cookie: stolen! } });
    expect(reused.statusCode).toBe(401);
    const second = new PrivacyCenterClient(world.app);
    expect((await second.open(link, 'link')).statusCode).toBe(200);
    expect((await world.send('POST', `/subjects/${subjectId}/erasure`, 'dpo', {})).statusCode).toBe(200);
    expect((await second.get('/privacy-center/export')).statusCode).toBe(401);
    const again = await new PrivacyCenterClient(world.app).open(link, 'link');
    expect(again.json()).toMatchObject({ statusCode: 401, code: 'PRIVACY_CENTER.LINK_INVALID' });
  });

  it('sends the security headers on every Privacy Center and download answer, refusals included', async () => {
    const { client } = await signedIn('headers@example.org');
    const json = { accept: 'application/json' };
    const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
      world.app.inject({ method, url, payload, headers: json });
    const answers = [
      await client.get('/privacy-center/me'),
      await client.get('/privacy-center/export'),
      await client.post('/privacy-center/blocks', { kind: 'global' }, { 'x-csrf-token': 'forged' }),
      await inject('GET', '/privacy-center/me'),
      await inject('POST', '/privacy-center/session', { token: 'forged', kind: 'link' }),
      await inject('POST', '/privacy-center/session', { token: 'forged', kind: 'link', extra: true }),
      await inject('POST', '/privacy-center/sign-in', { email: 'headers@example.org' }),
      await inject('GET', '/privacy-center/no-such-route'),
      await inject('GET', '/export-downloads'),
      await inject('POST', '/export-downloads', {}),
      await inject('POST', '/export-downloads', { token: 'forged' }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 403, 401, 401, 400, 202, 404, 400, 400, 404]);
    for (const answer of answers) {
      expect(answer.headers).toMatchObject({
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      expect(answer.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    }
  });

  it.each([
    ['field', { field: 'e\u202Email', correction: 'a@example.org' }],
    ['field', { field: 'na\u0000me', correction: 'Erika' }],
    ['field', { field: 'name\u200B', correction: 'Erika' }],
    ['correction', { field: 'name', correction: 'Erika\u0000Mallory' }],
    ['correction', { field: 'name', correction: 'Erika \u2066Mallory\u2069' }],
    ['correction', { field: 'name', correction: 'Erika \uD800' }],
  ])('refuses a rectification whose %s hides characters (%j), recording nothing', async (field, tricks) => {
    const { subjectId, client } = await signedIn(`tricks-${Math.random().toString(36).slice(2)}@example.org`);
    const before = await types(subjectId);
    const res = await client.post('/privacy-center/requests', { kind: 'rectification', ...tricks });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INPUT.TEXT_INVALID', field });
    expect(await types(subjectId)).toEqual(before);
  });

  it('takes a correction in any script, with its line breaks', async () => {
    const { client } = await signedIn('schrift@example.org');
    const correction = 'Straße 5\nשלום \u200Fעולם\n東京都';
    const res = await client.post('/privacy-center/requests', { kind: 'rectification', field: 'address', correction });
    expect(res.json()).toMatchObject({ outcome: 'requested' });
  });
});
