import fc from 'fast-check';

/** Well-formed values of the fields command routes take, so that mixed bodies get past validation into the domain. */
const now = () => new Date().toISOString();
const FIELDS: Record<string, fc.Arbitrary<unknown>> = {
  topicId: fc.constantFrom('fuzz-news', 'fuzz-news', 'fuzz-news', 'fuzz-unknown', ''),
  channel: fc.constantFrom('email', 'email', 'sms', 'pigeon'),
  evidence: fc.record({
    method: fc.constantFrom('checkbox', 'paper', 'telepathy'),
    capturedAt: fc.constantFrom(now(), now(), '2999-01-01T00:00:00.000Z', 'yesterday'),
    sourceSystem: fc.constantFrom('shop', 'shop', ''),
    textVersion: fc.constantFrom(1, 1, 1, 2, 0, 1.5),
    affirmativeAction: fc.constantFrom(true, true, false),
  }),
  scope: fc.record(
    {
      kind: fc.constantFrom('global', 'channel', 'topic', 'direct_marketing', 'contact_point', 'all'),
      topicId: fc.constant('fuzz-news'),
      channel: fc.constant('email'),
    },
    { requiredKeys: ['kind'] },
  ),
  reason: fc.string({ maxLength: 30 }),
  reference: fc.record({
    kind: fc.constantFrom('communication', 'request', 'other'),
    id: fc.string({ maxLength: 10 }),
  }),
  locale: fc.constantFrom('de-DE', 'en', 'x'),
  contactPoints: fc.array(
    fc.record({
      channel: fc.constantFrom('email', 'sms'),
      address: fc.constantFrom('a@example.org', '+4915112345678', ''),
    }),
    { maxLength: 3 },
  ),
  profile: fc.dictionary(fc.constantFrom('firstName', 'lastName', 'shoeSize'), fc.string({ maxLength: 8 })),
  address: fc.constantFrom('b@example.org', '', 'not an address'),
  token: fc.string({ minLength: 8, maxLength: 40 }),
  contactPointId: fc.uuid(),
  textVersion: fc.integer({ min: -1, max: 3 }),
  sourceSystem: fc.constant('shop'),
  text: fc.string({ maxLength: 40 }),
  language: fc.constantFrom('en', 'de', '??'),
  change: fc.constantFrom('material', 'editorial', 'other'),
  title: fc.string({ maxLength: 20 }),
  description: fc.string({ maxLength: 20 }),
  allowedChannels: fc.subarray(['email', 'sms', 'fax']),
  legalBasis: fc.constantFrom('consent', 'contract', 'whim'),
  personalFields: fc.subarray(['firstName', 'shoeSize']),
  retentionDays: fc.integer({ min: -5, max: 4000 }),
  id: fc.constantFrom('fuzz-topic', 'Bad Id!'),
  checks: fc.array(
    fc.record({ subjectId: fc.uuid(), topicId: fc.constant('fuzz-news'), channel: fc.constant('email') }),
    { maxLength: 3 },
  ),
  expiresAt: fc.constantFrom('2999-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z'),
};

/** The fields a route's body declares, by how its path ends; routes not listed get every field. */
const FAMILIES: Array<[RegExp, string[]]> = [
  [/\/subjects$/, ['locale', 'contactPoints', 'profile']],
  [/\/consents$/, ['topicId', 'channel', 'evidence', 'contactPointId', 'expiresAt']],
  [/\/consents\/revoke$/, ['topicId', 'channel', 'reason', 'contactPointId']],
  [/\/objections$/, ['scope', 'reason']],
  [/\/blocks$/, ['scope', 'reason', 'reference']],
  [/\/:id\/double-opt-in$/, ['topicId', 'channel', 'contactPointId', 'textVersion', 'sourceSystem']],
  [/\/confirm$/, ['token']],
  [/\/topics$/, ['id', 'title', 'description', 'allowedChannels', 'legalBasis', 'personalFields', 'retentionDays']],
  [/\/versions$/, ['text', 'language', 'change']],
  [/\/contact-points(\/:cpId)?$/, ['channel', 'address']],
  [/\/contactability$/, ['checks']],
];

function fieldsFor(path: string): string[] {
  return FAMILIES.find(([pattern]) => pattern.test(path))?.[1] ?? Object.keys(FIELDS);
}

/** The route's fields, each well-formed or any JSON value, some left out; now and then a key no route declares (incl. __proto__). */
function mixedBody(path: string): fc.Arbitrary<string> {
  const field = (k: string) =>
    fc.tuple(
      fc.constant(k),
      fc.oneof({ weight: 12, arbitrary: FIELDS[k]! }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }),
    );
  // Each field present five times in six, so that whole valid bodies are common enough to reach the domain.
  const pairs = fc
    .tuple(...fieldsFor(path).map((k) => fc.option(field(k), { freq: 6 })))
    .map((all) => all.filter((p) => p !== null));
  const undeclared = fc.tuple(
    fc.constantFrom('__proto__', 'constructor', 'extra', 'evidence.method', ...Object.keys(FIELDS)),
    fc.jsonValue({ maxDepth: 1 }),
  );
  const extra = fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: undeclared });
  // Written as text, so a `__proto__` key reaches the server as an own property, as an attacker would send it.
  return fc.tuple(pairs, extra).map(([fields, more]) => {
    const body = JSON.stringify(Object.fromEntries(fields));
    if (!more) return body;
    const added = `${JSON.stringify(more[0])}:${JSON.stringify(more[1]) ?? 'null'}`;
    return body === '{}' ? `{${added}}` : `{${added},${body.slice(1)}`;
  });
}

/** A raw request body for a route: mostly objects of its fields, valid or not, else any JSON or broken text. */
export function fuzzBody(path: string): fc.Arbitrary<{ payload: string; contentType: string }> {
  return fc.oneof(
    { weight: 17, arbitrary: mixedBody(path).map((payload) => ({ payload, contentType: 'application/json' })) },
    {
      weight: 1,
      arbitrary: fc
        .jsonValue({ maxDepth: 3 })
        .map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc.string({ maxLength: 60 }).map((payload) => ({ payload, contentType: 'application/json' })),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((payload) => ({ payload, contentType: 'text/plain' })) },
  );
}
