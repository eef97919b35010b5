import { ReadSideDriver } from './read-side.driver';

type Cell = { topicId: string; channel: string; consent: string; allowed: boolean; reasons: string[] };

/** GET /subjects/:id as a subject's full picture: every topic and channel, decided now, with the reasons. */
describe('read side: a subject’s full picture (e2e)', () => {
  let driver: ReadSideDriver;

  beforeAll(async () => {
    driver = await ReadSideDriver.boot();
    await driver.defineTopic('letter');
    await driver.defineTopic('offers', 'legitimate_interest', ['email']);
  });
  afterAll(() => driver.close());

  const profile = async (id: string, role = 'crm') => (await driver.query(`/subjects/${id}`, role)).json();
  const cell = (body: { picture: Cell[] }, topicId: string, channel: string) =>
    body.picture.find((c) => c.topicId === topicId && c.channel === channel);

  it('shows every topic and channel, also never asked, with when and to which words consent was given', async () => {
    const id = await driver.register([{ channel: 'email', address: 'anna@example.org' }], { firstName: 'Anna' });
    const capturedAt = '2024-04-02T09:30:00.000Z';
    await driver.command('POST', `/subjects/${id}/consents`, 'crm', {
      topicId: 'letter',
      channel: 'email',
      evidence: { method: 'paper', capturedAt, sourceSystem: 'shop', textVersion: 1, affirmativeAction: true },
    });
    const body = await profile(id);
    expect(body.picture.map((c: Cell) => `${c.topicId}/${c.channel}`)).toEqual([
      'letter/email',
      'letter/sms',
      'offers/email',
    ]);
    expect(cell(body, 'letter', 'email')).toMatchObject({
      consent: 'granted',
      allowed: true,
      reasons: [],
      givenAt: capturedAt,
      textVersion: 1,
      text: 'Yes to letter',
    });
    expect(cell(body, 'letter', 'sms')).toMatchObject({
      consent: 'never-asked',
      allowed: false,
      reasons: ['CONTACT_POINT.NONE_ON_CHANNEL'],
    });
    expect(cell(body, 'offers', 'email')).toMatchObject({ consent: 'not-required', allowed: true });
  });

  it('puts a global block on every cell, where the consent alone would say granted', async () => {
    const id = await driver.register([{ channel: 'email', address: 'ben@example.org' }]);
    await driver.grant(id, 'letter');
    await driver.command('POST', `/subjects/${id}/blocks`, 'crm', {
      scope: { kind: 'global' },
      reason: 'Complaint',
      reference: { kind: 'complaint', id: 'c-1' },
    });
    const body = await profile(id);
    expect(cell(body, 'letter', 'email')).toMatchObject({ consent: 'granted', allowed: false });
    for (const c of body.picture as Cell[]) expect(c.reasons).toContain('BLOCK.GLOBAL');
  });

  it('shows a legal hold and the erasure it deferred until the hold is released', async () => {
    const id = await driver.register([{ channel: 'email', address: 'cleo@example.org' }]);
    await driver.grant(id, 'letter');
    const until = '2099-01-01T00:00:00.000Z';
    const { holdId } = await driver.command('POST', `/subjects/${id}/legal-holds`, 'dpo', {
      reason: 'Invoices (HGB § 257)',
      until,
    });
    await driver.command('POST', `/subjects/${id}/erasure`, 'dpo', {});
    const held = await profile(id, 'dpo');
    expect(held.legalHolds).toEqual([expect.objectContaining({ holdId, until, reason: 'Invoices (HGB § 257)' })]);
    expect(held.erasureDeferral).toMatchObject({ holdId, until });
    expect((await profile(id, 'auditor')).legalHolds[0].reason).toEqual({ redacted: true });
    await driver.command('DELETE', `/subjects/${id}/legal-holds/${holdId}`, 'dpo');
    const released = await profile(id, 'dpo');
    expect(released.legalHolds).toEqual([]);
    expect(released.erasureDeferral).toBeUndefined();
  });

  it('marks every cell of an erased subject as erased', async () => {
    const id = await driver.register([{ channel: 'email', address: 'dora@example.org' }]);
    await driver.grant(id, 'letter');
    await driver.command('POST', `/subjects/${id}/erasure`, 'dpo', {});
    const body = await profile(id);
    for (const c of body.picture as Cell[])
      expect(c).toMatchObject({ allowed: false, reasons: expect.arrayContaining(['SUBJECT.ERASED']) });
  });

  it('names the subject of each queued request (masked address without a name), references included', async () => {
    const named = await driver.register([{ channel: 'email', address: 'erik@example.org' }], {
      firstName: 'Erik',
      lastName: 'Lund',
    });
    const unnamed = await driver.register([{ channel: 'email', address: 'fritz@example.org' }]);
    await driver.command('POST', `/subjects/${named}/requests`, 'crm', {
      kind: 'access',
      channel: 'email',
      reference: 'T-1',
    });
    await driver.command('POST', `/subjects/${unnamed}/requests`, 'crm', { kind: 'erasure', channel: 'web' });
    const queue = (await driver.query('/requests', 'crm')).json();
    const of = (id: string) => queue.find((r: { subjectId: string }) => r.subjectId === id);
    expect(of(named)).toMatchObject({ reference: 'T-1', subject: { name: 'Erik Lund', erased: false } });
    expect(of(unnamed)).toMatchObject({ subject: { address: 'f•••@example.org', erased: false } });
    const audited = (await driver.query('/requests', 'auditor')).json();
    expect(audited.every((r: object) => !('subject' in r))).toBe(true);
  });
});
