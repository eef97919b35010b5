import { ReadSideDriver } from './read-side.driver';

/** GET /subjects/:id and GET /subjects?email=|phone= over the subject-profile read model. */
describe('read side: subject profile and lookup (e2e)', () => {
  let driver: ReadSideDriver;
  let subjectId: string;
  let grantEventId: string;

  beforeAll(async () => {
    driver = await ReadSideDriver.boot();
    await driver.defineTopic('news');
    subjectId = await driver.register(
      [
        { channel: 'email', address: 'Anna.Berg@Example.org' },
        { channel: 'sms', address: '+49 151 2345678' },
      ],
      { firstName: 'Anna' },
    );
    grantEventId = (await driver.grant(subjectId, 'news')).events[0].id;
    await driver.command('POST', `/subjects/${subjectId}/blocks`, 'crm', {
      scope: { kind: 'channel', channel: 'sms' },
      reason: 'Asked on the phone',
      reference: { kind: 'communication', id: 'call-9' },
    });
  });
  afterAll(() => driver.close());

  it('shows crm the decrypted profile, the consent matrix with its proof, and the blocks', async () => {
    const res = await driver.query(`/subjects/${subjectId}`, 'crm');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.position).toBeGreaterThan(0);
    expect(body.contactPoints.map((p: { address: string }) => p.address)).toEqual([
      'Anna.Berg@Example.org',
      '+49 151 2345678',
    ]);
    expect(body.profile).toEqual({ firstName: 'Anna' });
    expect(body.consents).toEqual([
      expect.objectContaining({
        topicId: 'news',
        channel: 'email',
        status: 'granted',
        textVersion: 1,
        method: 'checkbox',
        eventId: grantEventId,
      }),
    ]);
    expect(JSON.stringify(body.consents)).not.toContain('203.0.113.9');
    expect(body.blocks).toEqual([
      expect.objectContaining({
        scope: { kind: 'channel', channel: 'sms' },
        reason: 'Asked on the phone',
        reference: { kind: 'communication', id: 'call-9' },
      }),
    ]);
  });

  it('shows an auditor the same document without personal values', async () => {
    const body = (await driver.query(`/subjects/${subjectId}`, 'auditor')).json();
    expect(body.contactPoints[0].address).toEqual({ redacted: true });
    expect(body.profile).toEqual({ firstName: { redacted: true } });
    expect(body.blocks[0].reason).toEqual({ redacted: true });
    expect(body.consents[0].eventId).toBe(grantEventId);
    expect(JSON.stringify(body)).not.toMatch(/Anna|Example|2345678|Asked on the phone/i);
  });

  it('shows a journey service consents, objections and blocks only', async () => {
    const body = (await driver.query(`/subjects/${subjectId}`, 'journey')).json();
    expect(Object.keys(body).sort()).toEqual([
      'blocks',
      'consents',
      'erased',
      'objections',
      'position',
      'registeredAt',
      'subjectId',
      'updatedAt',
    ]);
    expect(body.blocks[0].reason).toEqual({ redacted: true });
  });

  it('answers 404 for an unknown subject and 400 for an id that is no uuid', async () => {
    expect((await driver.query('/subjects/6f1c2b8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b', 'crm')).json()).toMatchObject({
      statusCode: 404,
      code: 'SUBJECT.NOT_FOUND',
    });
    expect((await driver.query('/subjects/nope', 'crm')).statusCode).toBe(400);
  });

  it('finds the subject by e-mail regardless of case and surrounding spaces', async () => {
    const res = await driver.query(`/subjects?email=${encodeURIComponent('  anna.berg@EXAMPLE.ORG ')}`, 'crm');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        subjectId,
        contactPoints: expect.arrayContaining([expect.objectContaining({ address: 'Anna.Berg@Example.org' })]),
      }),
    ]);
  });

  it('finds the subject by phone number written another way', async () => {
    const res = await driver.query(`/subjects?phone=${encodeURIComponent('0049-151-2345678')}`, 'dpo');
    expect(res.json().items.map((i: { subjectId: string }) => i.subjectId)).toEqual([subjectId]);
  });

  it('finds nobody for another address, and no longer the old address after a rectification', async () => {
    expect((await driver.query('/subjects?email=someone@example.org', 'crm')).json().items).toEqual([]);
    const cp = await driver.contactPointId(subjectId);
    await driver.command('PATCH', `/subjects/${subjectId}/contact-points/${cp}`, 'crm', {
      address: 'anna@berg.example',
    });
    expect((await driver.query('/subjects?email=anna.berg@example.org', 'crm')).json().items).toEqual([]);
    expect((await driver.query('/subjects?email=ANNA@berg.example', 'crm')).json().items).toHaveLength(1);
  });

  it('refuses a lookup with neither or both of email and phone, or a malformed value', async () => {
    const neither = await driver.query('/subjects', 'crm');
    expect(neither.json()).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION.FAILED',
      violations: [{ field: 'email', rule: 'exactlyOneOf' }],
    });
    const both = await driver.query('/subjects?email=a@b.example&phone=%2B4915112345', 'crm');
    expect(both.json()).toMatchObject({ statusCode: 400, violations: [{ rule: 'exactlyOneOf' }] });
    expect((await driver.query('/subjects?email=not-an-address', 'crm')).json()).toMatchObject({
      statusCode: 400,
      violations: [{ field: 'email', rule: 'isEmail' }],
    });
  });

  it('keeps lookups away from auditors and journeys', async () => {
    expect((await driver.query('/subjects?email=anna@berg.example', 'auditor')).statusCode).toBe(403);
    expect((await driver.query('/subjects?email=anna@berg.example', 'journey')).statusCode).toBe(403);
  });
});
