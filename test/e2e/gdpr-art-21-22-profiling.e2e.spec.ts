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
});
