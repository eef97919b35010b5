import { moveClockTo } from './support/fake-clock';
import { PrivacyCenterClient } from './support/privacy-center-client';
import { eventually, PrivacyCenterWorld } from './support/privacy-center-world';

/** The Privacy Center's safeguards: CSRF, idempotency, the session's end, erasure, cookie attributes. */
describe('Privacy Center: sessions and safeguards (e2e)', () => {
  let world: PrivacyCenterWorld;

  beforeAll(async () => {
    world = await PrivacyCenterWorld.boot({ TRUST_PROXY: '127.0.0.1' });
    await world.defineTopic('news');
  });
  afterAll(() => world?.close());
  afterEach(() => jest.useRealTimers());

  async function footerSession(address: string, headers?: Record<string, string>) {
    const subject = await world.register(address);
    await world.grant(subject.subjectId, 'news');
    const client = new PrivacyCenterClient(world.app, headers);
    const opened = await client.open(await world.footerLinkToken(subject.subjectId), 'link');
    expect(opened.statusCode).toBe(200);
    return { ...subject, client, opened };
  }

  it('sets an HttpOnly, SameSite=Strict cookie for 30 minutes; over HTTPS (behind a trusted proxy) __Host- and Secure', async () => {
    const plain = await footerSession('cookie@example.org');
    expect(plain.opened.headers['set-cookie']).toMatch(
      /^pc_session=[\w-]+; Max-Age=1800; Path=\/privacy-center; HttpOnly; SameSite=Strict$/,
    );
    expect(plain.opened.json()).toEqual({ csrfToken: expect.any(String), expiresAt: expect.any(String), locale: 'en' });
    const secure = await footerSession('https@example.org', { 'x-forwarded-proto': 'https' });
    expect(secure.opened.headers['set-cookie']).toMatch(
      /^__Host-pc_session=[\w-]+; Max-Age=1800; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    expect((await secure.client.get('/privacy-center/me')).statusCode).toBe(200);
  });

  it('refuses a change without the CSRF token (403) or with another session’s, and writes nothing', async () => {
    const { subjectId, client } = await footerSession('csrf@example.org');
    const other = await footerSession('other@example.org');
    const before = (await world.history(subjectId)).length;
    const missing = await world.app.inject({
      method: 'POST',
      url: '/privacy-center/revocations',
      payload: { topicId: 'news' },
      headers: { cookie: client.cookie! },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'PRIVACY_CENTER.CSRF_INVALID', field: 'X-CSRF-Token' });
    const foreign = await client.post(
      '/privacy-center/revocations',
      { topicId: 'news' },
      {
        'x-csrf-token': other.client.csrfToken!,
      },
    );
    expect(foreign.statusCode).toBe(403);
    expect((await world.history(subjectId)).length).toBe(before);
  });

  it('records a double submit with the same Idempotency-Key once', async () => {
    const { subjectId, client } = await footerSession('twice@example.org');
    const key = { 'idempotency-key': 'click-1' };
    const first = await client.post('/privacy-center/requests', { kind: 'erasure' }, key);
    const second = await client.post('/privacy-center/requests', { kind: 'erasure' }, key);
    expect(second.json()).toEqual(first.json());
    await client.post('/privacy-center/revocations', { topicId: 'news' }, { 'idempotency-key': 'click-2' });
    await client.post('/privacy-center/revocations', { topicId: 'news' }, { 'idempotency-key': 'click-2' });
    const types = (await world.history(subjectId)).map((event) => event.type);
    expect(types.filter((type) => type === 'DataSubjectRequestReceived')).toHaveLength(1);
    expect(types.filter((type) => type === 'ConsentRevoked')).toHaveLength(1);
  });

  it('grants at once only for an address the session proved; a footer link asks for double opt-in; an old text is refused', async () => {
    const { subjectId, client } = await footerSession('doi@example.org');
    await world.defineTopic('events');
    const stale = await client.post('/privacy-center/consents', {
      topicId: 'events',
      channel: 'email',
      textVersion: 2,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONSENT.TEXT_VERSION_OUTDATED', field: 'textVersion' });
    const asked = await client.post('/privacy-center/consents', {
      topicId: 'events',
      channel: 'email',
      textVersion: 1,
    });
    expect(asked.json()).toEqual({ outcome: 'double-opt-in-sent' });
    await eventually('the double opt-in mail', async () => world.mailsTo('doi@example.org').length > 0);
    const types = (await world.history(subjectId)).map((event) => event.type);
    expect(types).toContain('DoubleOptInRequested');
    expect(types.filter((type) => type === 'ConsentGranted')).toHaveLength(1);
  });

  it('ends a session 30 minutes after sign-in, however busy it was', async () => {
    const { client } = await footerSession('expiry@example.org');
    expect((await client.get('/privacy-center/me')).statusCode).toBe(200);
    moveClockTo(Date.now() + 29 * 60_000);
    expect((await client.get('/privacy-center/me')).statusCode).toBe(200);
    moveClockTo(Date.now() + 2 * 60_000);
    const expired = await client.get('/privacy-center/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'PRIVACY_CENTER.SESSION_REQUIRED' });
  });

  it('signs out: the cookie is cleared and the session is gone', async () => {
    const { client } = await footerSession('signout@example.org');
    const out = await client.delete('/privacy-center/session');
    expect(out.statusCode).toBe(204);
    expect(out.headers['set-cookie']).toMatch(/^pc_session=; Max-Age=0;|^pc_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await client.get('/privacy-center/me')).statusCode).toBe(401);
  });

  it('kills an erased subject’s session and links', async () => {
    const { subjectId, client } = await footerSession('gone@example.org');
    const token = await world.footerLinkToken(subjectId);
    expect((await world.send('POST', `/subjects/${subjectId}/erasure`, 'dpo', {})).statusCode).toBe(200);
    expect((await client.get('/privacy-center/me')).json()).toMatchObject({
      statusCode: 401,
      code: 'PRIVACY_CENTER.SESSION_REQUIRED',
    });
    const again = await new PrivacyCenterClient(world.app).open(token, 'link');
    expect(again.json()).toMatchObject({ statusCode: 401, code: 'PRIVACY_CENTER.LINK_INVALID' });
  });
});
