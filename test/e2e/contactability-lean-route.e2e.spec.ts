import before from './support/contactability-answers.json';
import { ApiKeyGuard } from '../../apps/api/src/auth/api-key.guard';
import { ReadSideDriver } from './read-side.driver';

type Answer = { status: number; headers: Record<string, unknown>; body: unknown };

/** What differs between two identical requests, or between runs: replaced before comparing. */
function stable(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  ids: Record<string, string>,
): Answer {
  const { date: _date, ...headers } = res.headers;
  let text = res.body;
  for (const [name, value] of Object.entries(ids)) text = text.split(value).join(`<${name}>`);
  text = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<other id>');
  return { status: res.statusCode, headers, body: JSON.parse(text) };
}

describe('GET /subjects/:id/contactability answers as before', () => {
  let driver: ReadSideDriver;
  let granted: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    driver = await ReadSideDriver.boot();
    await driver.defineTopic('promo');
    granted = await driver.register([{ channel: 'email', address: 'lean@example.org' }]);
    const grant = await driver.grant(granted, 'promo');
    ids.subject = granted;
    ids.event = grant.events[0].id;
    ids.contactPoint = await driver.contactPointId(granted);
  });
  afterAll(() => driver.close());

  const ask = async (path: string, headers: Record<string, string>) =>
    stable(await driver.app.inject({ method: 'GET', url: path, headers }), ids);
  const as = (role: string) => ({ authorization: `Bearer ${driver.keys[role]}` });

  it('answers every case as the Nest pipeline did', async () => {
    const url = (query: string, subject = granted) => `/subjects/${subject}/contactability?${query}`;
    const cases: Record<string, [string, Record<string, string>]> = {
      allowed: [url('topicId=promo&channel=email'), as('journey')],
      contactPoint: [url(`topicId=promo&channel=email&contactPointId=${ids.contactPoint}`), as('crm')],
      malformedId: [url('topicId=promo&channel=email', 'not-a-uuid'), as('journey')],
      missingTopic: [url('channel=email'), as('journey')],
      unknownField: [url('topicId=promo&channel=email&email=a@example.org'), as('journey')],
      tooLong: [url(`topicId=promo&channel=${'x'.repeat(65)}`), as('journey')],
      repeated: [url('topicId=promo&topicId=other&channel=email'), as('journey')],
      unknownChannel: [url('topicId=promo&channel=pigeon'), as('journey')],
      badMinPosition: [url('topicId=promo&channel=email'), { ...as('journey'), 'x-min-position': 'soon' }],
      noKey: [url('topicId=promo&channel=email'), {}],
      unknownKey: [url('topicId=promo&channel=email'), { authorization: 'Bearer plk_nobody' }],
      notBearer: [url('topicId=promo&channel=email'), { authorization: 'Basic abc' }],
      wrongRole: [url('topicId=promo&channel=email'), as('auditor')],
      unknownSubject: [url('topicId=promo&channel=email', '2b1e4c3a-9f1d-4c55-8a6e-0c1d2e3f4a5b'), as('journey')],
      unknownTopic: [url('topicId=nope&channel=email'), as('journey')],
    };
    const answers: Record<string, Answer> = {};
    for (const [name, [path, headers]] of Object.entries(cases)) answers[name] = await ask(path, headers);
    expect(answers).toEqual(before);
  });

  it('is answered without Nest guards, which the other routes still pass', async () => {
    const guard = jest.spyOn(ApiKeyGuard.prototype, 'canActivate');
    try {
      const check = await ask(`/subjects/${granted}/contactability?topicId=promo&channel=email`, as('journey'));
      expect(check.status).toBe(200);
      expect(guard).not.toHaveBeenCalled();
      expect((await ask(`/subjects/${granted}`, as('crm'))).status).toBe(200);
      expect(guard).toHaveBeenCalledTimes(1);
    } finally {
      guard.mockRestore();
    }
  });
});
