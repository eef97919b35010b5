import { ReadSideDriver } from './read-side.driver';

/** GET /subjects/:id/contactability, POST /contactability and GET /audiences over the read models. */
describe('read side: contactability and audiences (e2e)', () => {
  let driver: ReadSideDriver;
  let granted: string;
  let unasked: string;

  beforeAll(async () => {
    driver = await ReadSideDriver.boot();
    await driver.defineTopic('promo');
    await driver.defineTopic('service', 'legitimate_interest', ['email']);
    granted = await driver.register([{ channel: 'email', address: 'granted@example.org' }]);
    await driver.grant(granted, 'promo');
    unasked = await driver.register([{ channel: 'email', address: 'unasked@example.org' }]);
  });
  afterAll(() => driver.close());

  const check = (subjectId: string, query: string, role = 'journey') =>
    driver.query(`/subjects/${subjectId}/contactability?${query}`, role);

  it('allows a granted subject and denies one never asked', async () => {
    const yes = await check(granted, 'topicId=promo&channel=email');
    expect(yes.statusCode).toBe(200);
    expect(yes.json()).toMatchObject({
      subjectId: granted,
      topicId: 'promo',
      channel: 'email',
      legalBasis: 'consent',
      allowed: true,
      reasons: [],
    });
    expect((await check(unasked, 'topicId=promo&channel=email')).json()).toMatchObject({
      allowed: false,
      reasons: [{ code: 'CONSENT.NEVER_ASKED', eventIds: [] }],
    });
  });

  it('allows legitimate interest without consent until an objection, citing the objection event', async () => {
    const subject = await driver.register([{ channel: 'email', address: 'li@example.org' }]);
    expect((await check(subject, 'topicId=service&channel=email')).json().allowed).toBe(true);
    const objection = await driver.command('POST', `/subjects/${subject}/objections`, 'journey', {
      scope: { kind: 'topic', topicId: 'service' },
    });
    expect((await check(subject, 'topicId=service&channel=email')).json()).toMatchObject({
      allowed: false,
      reasons: [{ code: 'OBJECTION.TOPIC', eventIds: [objection.events[0].id] }],
    });
  });

  it('lets a block win over a grant and lists every reason with its events', async () => {
    const subject = await driver.register([{ channel: 'email', address: 'blocked@example.org' }]);
    await driver.grant(subject, 'promo');
    const global = await driver.command('POST', `/subjects/${subject}/blocks`, 'crm', {
      scope: { kind: 'global' },
      reason: 'Complaint',
      reference: { kind: 'complaint', id: 'c-1' },
    });
    const channel = await driver.command('POST', `/subjects/${subject}/blocks`, 'crm', {
      scope: { kind: 'channel', channel: 'email' },
      reason: 'Bounce',
      reference: { kind: 'communication', id: 'm-1' },
    });
    expect((await check(subject, 'topicId=promo&channel=email')).json().reasons).toEqual([
      { code: 'BLOCK.GLOBAL', eventIds: [global.events[0].id] },
      { code: 'BLOCK.CHANNEL', eventIds: [channel.events[0].id] },
    ]);
  });

  it('checks one named contact point and denies an unknown one', async () => {
    const cp = await driver.contactPointId(granted);
    expect((await check(granted, `topicId=promo&channel=email&contactPointId=${cp}`)).json()).toMatchObject({
      allowed: true,
      contactPointIds: [cp],
    });
    expect((await check(granted, 'topicId=promo&channel=email&contactPointId=cp-unknown')).json().reasons).toEqual([
      { code: 'CONTACT_POINT.UNKNOWN', eventIds: [] },
    ]);
  });

  it('answers 404 for an unknown topic or subject and 400 for a missing topic or an unknown channel', async () => {
    expect((await check(granted, 'topicId=nope&channel=email')).json()).toMatchObject({
      statusCode: 404,
      code: 'TOPIC.NOT_FOUND',
    });
    expect((await check('6f1c2b8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b', 'topicId=promo&channel=email')).json()).toMatchObject({
      statusCode: 404,
      code: 'SUBJECT.NOT_FOUND',
    });
    expect((await check(granted, 'channel=email')).json()).toMatchObject({
      statusCode: 400,
      violations: expect.arrayContaining([expect.objectContaining({ field: 'topicId', rule: 'isString' })]),
    });
    expect((await check(granted, 'topicId=promo&channel=pigeon')).json()).toMatchObject({
      statusCode: 400,
      violations: [{ field: 'channel', rule: 'isIn' }],
    });
    // One vocabulary: the command names (topicId, contactPointId); the old query names are not aliases.
    const old = (await check(granted, 'topic=promo&channel=email&contactPoint=cp-1')).json();
    expect(old).toMatchObject({
      statusCode: 400,
      violations: expect.arrayContaining([
        expect.objectContaining({ field: 'topic', rule: 'whitelistValidation' }),
        expect.objectContaining({ field: 'topicId' }),
      ]),
    });
  });

  it('is for journeys, crm and admin only', async () => {
    expect((await check(granted, 'topicId=promo&channel=email', 'auditor')).statusCode).toBe(403);
    expect((await check(granted, 'topicId=promo&channel=email', 'crm')).statusCode).toBe(200);
  });

  it('answers a batch in the order given, denying unknown subjects and topics', async () => {
    const checks = [
      { subjectId: unasked, topicId: 'promo', channel: 'email' },
      { subjectId: granted, topicId: 'promo', channel: 'email' },
      { subjectId: 'no-such-subject', topicId: 'promo', channel: 'email' },
      { subjectId: granted, topicId: 'no-such-topic', channel: 'email' },
      { subjectId: granted, topicId: 'promo', channel: 'sms' },
    ];
    const res = await driver.query('/contactability', 'journey', 'POST', { checks });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .results.map((r: { allowed: boolean; reasons: Array<{ code: string }> }) => [
          r.allowed,
          r.reasons.map((x) => x.code),
        ]),
    ).toEqual([
      [false, ['CONSENT.NEVER_ASKED']],
      [true, []],
      [false, ['SUBJECT.UNKNOWN']],
      [false, ['TOPIC.UNKNOWN']],
      [false, ['CONTACT_POINT.NONE_ON_CHANNEL']],
    ]);
    expect(res.json().results[1]).toMatchObject(checks[1]!);
  });

  it('answers a batch of 1,000 and refuses 1,001 or an empty one', async () => {
    const one = { subjectId: granted, topicId: 'promo', channel: 'email' };
    const full = await driver.query('/contactability', 'journey', 'POST', { checks: Array(1000).fill(one) });
    expect(full.statusCode).toBe(200);
    expect(full.json().results).toHaveLength(1000);
    const over = await driver.query('/contactability', 'journey', 'POST', { checks: Array(1001).fill(one) });
    expect(over.json()).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION.FAILED',
      violations: [{ field: 'checks', rule: 'arrayMaxSize' }],
    });
    expect((await driver.query('/contactability', 'journey', 'POST', { checks: [] })).statusCode).toBe(400);
  });

  it('refuses a batch check with a missing field or an unknown channel, naming it', async () => {
    const res = await driver.query('/contactability', 'journey', 'POST', {
      checks: [{ subjectId: granted, channel: 'email' }],
    });
    expect(res.json()).toMatchObject({
      statusCode: 400,
      violations: expect.arrayContaining([expect.objectContaining({ field: 'checks.0.topicId', rule: 'isString' })]),
    });
    const channel = await driver.query('/contactability', 'journey', 'POST', {
      checks: [{ subjectId: granted, topicId: 'promo', channel: 'fax' }],
    });
    expect(channel.json()).toMatchObject({
      statusCode: 400,
      violations: [{ field: 'checks.0.channel', rule: 'isIn' }],
    });
  });

  describe('audiences', () => {
    let members: string[];

    beforeAll(async () => {
      await driver.defineTopic('club');
      const subjects: string[] = [];
      for (let i = 0; i < 7; i++)
        subjects.push(await driver.register([{ channel: 'email', address: `member${i}@example.org` }]));
      for (const subject of subjects) await driver.grant(subject, 'club');
      // Revoked and blocked members are candidates by index but must be filtered out by the decision.
      await driver.command('POST', `/subjects/${subjects[1]}/consents/revoke`, 'crm', {
        topicId: 'club',
        channel: 'email',
      });
      await driver.command('POST', `/subjects/${subjects[4]}/objections`, 'journey', {
        scope: { kind: 'direct_marketing' },
      });
      members = subjects.filter((_, i) => i !== 1 && i !== 4).sort();
    });

    it('lists exactly the subjects who may be contacted, in full pages with a stable cursor', async () => {
      const seen: string[] = [];
      let after = '';
      for (let page = 0; page < 5; page++) {
        const res = await driver.query(
          `/audiences?topicId=club&channel=email&limit=2${after ? `&after=${after}` : ''}`,
          'journey',
        );
        expect(res.statusCode).toBe(200);
        const body = res.json();
        seen.push(...body.items.map((i: { subjectId: string }) => i.subjectId));
        if (!body.next) break;
        expect(body.items).toHaveLength(2);
        after = body.next;
      }
      expect(seen).toEqual(members);
    });

    it('lists subjects with an address on the channel for a legitimate-interest topic', async () => {
      const body = (await driver.query('/audiences?topicId=service&channel=email&limit=1000', 'crm')).json();
      expect(body.items.map((i: { subjectId: string }) => i.subjectId)).toEqual(
        expect.arrayContaining([granted, unasked, ...members]),
      );
    });

    it('refuses a limit above 1,000 and an unknown topic', async () => {
      expect((await driver.query('/audiences?topicId=club&channel=email&limit=1001', 'journey')).json()).toMatchObject({
        statusCode: 400,
        violations: [{ field: 'limit', rule: 'max' }],
      });
      expect((await driver.query('/audiences?topicId=nope&channel=email', 'journey')).statusCode).toBe(404);
    });
  });
});
