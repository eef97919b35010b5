import { PHONE_AGENT, PrivacyCenterClient } from './support/privacy-center-client';
import { eventually, PrivacyCenterWorld } from './support/privacy-center-world';

/**
 * Issue #18: from a mail-footer link, on a phone, the person revokes a topic, objects to profiling,
 * downloads their data and requests erasure; each shows in their history with its evidence.
 */
describe('Privacy Center: the person acts on their own choices (e2e)', () => {
  let world: PrivacyCenterWorld;

  beforeAll(async () => {
    world = await PrivacyCenterWorld.boot();
    await world.defineTopic('news', { profiling: true });
    await world.defineTopic('events');
  });
  afterAll(() => world?.close());

  async function signedIn(address: string) {
    const subject = await world.register(address);
    await world.grant(subject.subjectId, 'news');
    const client = new PrivacyCenterClient(world.app);
    expect((await client.open(await world.footerLinkToken(subject.subjectId), 'link')).statusCode).toBe(200);
    return { ...subject, client };
  }

  it('from a footer link: revoke a topic, object to profiling, download the data, request erasure; all in the history', async () => {
    const { subjectId, client } = await signedIn('erika@example.org');
    const me = await eventually('both topics on the page', async () => {
      const res = await client.get('/privacy-center/me');
      return res.json().topics?.length === 2 && res;
    });
    expect(me.headers['cache-control']).toBe('no-store');
    const news = me.json().topics.find((t: { topicId: string }) => t.topicId === 'news');
    expect(news).toMatchObject({
      title: 'Topic news',
      purpose: 'Why we write about news',
      profiling: true,
      text: { version: 1, language: 'en', text: 'Yes, send me news.' },
      consents: [{ channel: 'email', status: 'granted', method: 'checkbox' }],
    });
    expect(me.json().contactPoints).toEqual([
      expect.objectContaining({ channel: 'email', masked: 'e***@example.org' }),
    ]);
    expect(JSON.stringify(me.json())).not.toContain('erika@example.org');

    const gpc = { 'sec-gpc': '1', 'x-forwarded-for': '198.51.100.9' };
    expect((await client.post('/privacy-center/revocations', { topicId: 'news' }, gpc)).json()).toEqual({
      outcome: 'revoked',
    });
    expect((await client.post('/privacy-center/objections', { kind: 'profiling' })).json()).toEqual({
      outcome: 'objected',
    });
    const download = await client.get('/privacy-center/export');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.json()).toMatchObject({ subjectId });
    const erasure = (await client.post('/privacy-center/requests', { kind: 'erasure' })).json();
    expect(erasure).toMatchObject({ outcome: 'requested', requestId: expect.any(String), dueAt: expect.any(String) });

    const history = await world.history(subjectId);
    const ofType = (type: string) => history.filter((event) => event.type === type);
    const evidence = { method: 'privacy_center', sourceSystem: 'privacy-center', userAgent: PHONE_AGENT };
    expect(ofType('ConsentRevoked')[0]).toMatchObject({
      actor: 'privacy-center',
      data: {
        topicId: 'news',
        evidence: { ...evidence, textVersion: 1, ipAddress: '127.0.0.1', globalPrivacyControl: true },
      },
    });
    expect(ofType('ObjectionRaised')[0]).toMatchObject({
      data: { scope: { kind: 'profiling' }, evidence: { ...evidence, ipAddress: '127.0.0.1' } },
    });
    expect(ofType('ObjectionRaised')[0]!.data.evidence).not.toHaveProperty('globalPrivacyControl');
    const [access, erasureReceived] = ofType('DataSubjectRequestReceived');
    expect(access).toMatchObject({ data: { kind: 'access', channel: 'web', evidence } });
    expect(ofType('SubjectExported')[0]).toMatchObject({
      data: { requestId: access!.data.requestId, requestedBy: 'privacy-center' },
    });
    expect(ofType('DataSubjectRequestFulfilled')[0]).toMatchObject({ data: { requestId: access!.data.requestId } });
    expect(erasureReceived).toMatchObject({
      data: { kind: 'erasure', requestId: erasure.requestId, dueAt: erasure.dueAt, evidence },
    });
    expect(history.some((event) => event.type === 'SubjectErased')).toBe(false);

    const after = (await client.get('/privacy-center/me')).json();
    expect(after.objections).toEqual([expect.objectContaining({ kind: 'profiling' })]);
    expect(after.requests).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'erasure', status: 'open', dueAt: erasure.dueAt })]),
    );
  });
});
