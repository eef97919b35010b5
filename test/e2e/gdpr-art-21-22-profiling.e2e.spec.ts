import { ReadSideDriver } from './read-side.driver';

/**
 * Art. 21(2): the person may object to profiling for direct marketing; Art. 22 and 15(1)(h): an
 * automated decision is declared with its logic and consequences. Driven over HTTP on the real app.
 */
describe('GDPR Art. 21(2), 22: profiling and automated decisions (e2e)', () => {
  let driver: ReadSideDriver;
  const automatedDecision = {
    logic: 'A score from past orders decides which discount is offered',
    consequences: 'A lower score means a smaller discount; no one is refused the newsletter',
  };

  beforeAll(async () => {
    driver = await ReadSideDriver.boot();
  });
  afterAll(() => driver.close());

  const topic = (id: string, declarations: object = {}) => ({
    id,
    title: id,
    description: `About ${id}`,
    allowedChannels: ['email'],
    legalBasis: 'consent',
    personalFields: [],
    retentionDays: 365,
    ...declarations,
  });

  it('given a topic declaring profiling and an automated decision, GET /topics states both', async () => {
    await driver.command('POST', '/topics', 'admin', topic('deals', { profiling: true, automatedDecision }));
    await driver.command('POST', '/topics', 'admin', topic('plain'));
    const topics = (await driver.query('/topics', 'journey')).json();
    expect(topics.find((t: { id: string }) => t.id === 'deals')).toMatchObject({
      profiling: true,
      automatedDecision,
      offeredToChildren: false,
    });
    const plain = topics.find((t: { id: string }) => t.id === 'plain');
    expect(plain).toMatchObject({ profiling: false, offeredToChildren: false });
    expect(plain).not.toHaveProperty('automatedDecision');
  });

  it('when an automated decision comes without its logic, then 400 naming the field, nothing written', async () => {
    const before = driver.position;
    const res = await driver.send(
      'POST',
      '/topics',
      'admin',
      topic('scored', { automatedDecision: { consequences: 'x' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('automatedDecision.logic');
    expect((await driver.query('/topics/scored', 'journey')).statusCode).toBe(404);
    expect(driver.position).toBe(before);
  });

  it('when the person objects to profiling alone, the objection is recorded with its scope', async () => {
    await driver.command('POST', '/topics/deals/versions', 'dpo', { text: 'Yes', language: 'en', change: 'material' });
    const subject = await driver.register([{ channel: 'email', address: 'prof@example.org' }]);
    const everywhere = await driver.command('POST', `/subjects/${subject}/objections`, 'crm', {
      scope: { kind: 'profiling' },
    });
    const forDeals = await driver.command('POST', `/subjects/${subject}/objections`, 'crm', {
      scope: { kind: 'profiling', topicId: 'deals' },
    });
    expect(everywhere.events).toMatchObject([{ type: 'ObjectionRaised' }]);
    expect(forDeals.events).toMatchObject([{ type: 'ObjectionRaised' }]);
    const unknown = await driver.send('POST', `/subjects/${subject}/objections`, 'crm', {
      scope: { kind: 'profiling', topicId: 'nope' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  const check = (subject: string, topicId: string) =>
    driver.query(`/subjects/${subject}/contactability?topicId=${topicId}&channel=email`, 'journey');

  it('given a granted newsletter that profiles, when the person objects to profiling, then contact stays allowed and profiling does not', async () => {
    const subject = await driver.register([{ channel: 'email', address: 'anna@example.org' }]);
    await driver.grant(subject, 'deals');
    expect((await check(subject, 'deals')).json()).toMatchObject({
      allowed: true,
      profilingAllowed: true,
      profilingReasons: [],
    });
    const objection = await driver.command('POST', `/subjects/${subject}/objections`, 'crm', {
      scope: { kind: 'profiling' },
    });
    expect((await check(subject, 'deals')).json()).toMatchObject({
      allowed: true,
      reasons: [],
      profilingAllowed: false,
      profilingReasons: [{ code: 'OBJECTION.PROFILING', eventIds: [objection.events[0].id] }],
    });
    const batch = await driver.query('/contactability', 'journey', 'POST', {
      checks: [{ subjectId: subject, topicId: 'deals', channel: 'email' }],
    });
    expect(batch.json().results).toMatchObject([{ allowed: true, profilingAllowed: false }]);
    const audience = (await driver.query('/audiences?topicId=deals&channel=email', 'journey')).json();
    expect(audience.items).toContainEqual(expect.objectContaining({ subjectId: subject, profilingAllowed: false }));
  });

  it('an objection to direct marketing stops profiling too (Art. 21(3)); a topic that declares none never profiles', async () => {
    await driver.command('POST', '/topics/plain/versions', 'dpo', { text: 'Yes', language: 'en', change: 'material' });
    const subject = await driver.register([{ channel: 'email', address: 'bert@example.org' }]);
    await driver.grant(subject, 'deals');
    await driver.grant(subject, 'plain');
    const plain = (await check(subject, 'plain')).json();
    expect(plain).toMatchObject({ allowed: true, profilingAllowed: false });
    expect(plain.profilingReasons.map((r: { code: string }) => r.code)).toEqual(['TOPIC.NO_PROFILING']);
    const audience = (await driver.query('/audiences?topicId=deals&channel=email', 'journey')).json();
    expect(audience.items).toContainEqual(expect.objectContaining({ subjectId: subject, profilingAllowed: true }));
    await driver.command('POST', `/subjects/${subject}/objections`, 'crm', { scope: { kind: 'direct_marketing' } });
    expect((await check(subject, 'deals')).json()).toMatchObject({
      allowed: false,
      profilingAllowed: false,
      profilingReasons: [{ code: 'OBJECTION.DIRECT_MARKETING' }],
    });
  });

  it('the processing register states profiling and the automated decision per topic', async () => {
    const register = (await driver.query('/processing-register', 'dpo')).json();
    const deals = register.activities.find((a: { topicId: string }) => a.topicId === 'deals');
    const plain = register.activities.find((a: { topicId: string }) => a.topicId === 'plain');
    expect(deals).toMatchObject({ profiling: true, automatedDecision, offeredToChildren: false });
    expect(plain).toMatchObject({ profiling: false, automatedDecision: null });
    const csv = (await driver.query('/processing-register?format=csv', 'dpo')).body;
    expect(csv).toContain(`"yes","${automatedDecision.logic}; consequences: ${automatedDecision.consequences}","no"`);
  });
});
