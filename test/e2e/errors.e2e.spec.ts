import { BODY_LIMIT_BYTES } from '../../apps/api/src/create-app';
import type { Role } from '../../apps/api/src/auth/roles';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';
import { FailingRoutesModule, GuardedRoutesModule } from './support/test-routes';

const validGrant = {
  topic: 'newsletter',
  evidence: { affirmativeAction: true, method: 'checkbox' },
  contactPoints: [{ address: 'a@b.example' }],
};

describe('error bodies and validation', () => {
  let booted: BootedApp;
  let keys: Record<Role, string>;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir, extraModules: [GuardedRoutesModule, FailingRoutesModule] });
  });
  afterAll(() => booted.close());

  const post = (payload: string, contentType = 'application/json') =>
    booted.app.inject({
      method: 'POST',
      url: '/e2e/grant',
      headers: { ...bearer(keys.crm), 'content-type': contentType },
      payload,
    });
  const getAsAdmin = (url: string) => booted.app.inject({ method: 'GET', url, headers: bearer(keys.admin) });

  it('names each broken rule with its dotted field, nested and in lists', async () => {
    const body = {
      ...validGrant,
      evidence: { affirmativeAction: 'yes', method: 'checkbox' },
      contactPoints: [{ address: 'ab' }],
    };
    const response = await post(JSON.stringify(body));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION.FAILED',
      message: expect.any(String),
      violations: [
        { field: 'evidence.affirmativeAction', rule: 'isBoolean', message: expect.stringContaining('boolean') },
        { field: 'contactPoints.0.address', rule: 'minLength', message: expect.any(String) },
      ],
    });
  });

  it('refuses unknown fields, at the top and nested, naming them', async () => {
    const body = { ...validGrant, email: 'x@y.example', evidence: { ...validGrant.evidence, preTicked: true } };
    const { violations } = (await post(JSON.stringify(body))).json();
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email', rule: 'whitelistValidation' }),
        expect.objectContaining({ field: 'evidence.preTicked', rule: 'whitelistValidation' }),
      ]),
    );
  });

  it.each(['null', '[]', '"text"', '42', 'true', '[{"topic":"x"}]'])(
    'answers the JSON body %s with 400, never 500',
    async (payload) => {
      const response = await post(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'VALIDATION.FAILED',
        violations: [{ field: '(body)', rule: 'isObject' }],
      });
    },
  );

  it('answers wrong types for a nested object and a list with 400 naming the field', async () => {
    const response = await post(JSON.stringify({ ...validGrant, evidence: 'checkbox', contactPoints: 'a@b.example' }));
    expect(response.statusCode).toBe(400);
    const fields = response.json().violations.map((violation: { field: string }) => violation.field);
    expect(fields).toEqual(expect.arrayContaining(['evidence', 'contactPoints']));
  });

  it('answers malformed JSON with 400 HTTP.MALFORMED_JSON', async () => {
    const response = await post('{"topic": ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'HTTP.MALFORMED_JSON',
      message: 'The body is not valid JSON',
    });
  });

  it('answers a body over the limit with 413 before any handler runs', async () => {
    const response = await post(JSON.stringify({ ...validGrant, topic: 'x'.repeat(BODY_LIMIT_BYTES) }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'HTTP.PAYLOAD_TOO_LARGE',
    });
  });

  it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded'])(
    'answers the unsupported content type %s with 415',
    async (contentType) => {
      const response = await post('<topic>newsletter</topic>', contentType);
      expect(response.statusCode).toBe(415);
      expect(response.json()).toMatchObject({
        statusCode: 415,
        error: 'Unsupported Media Type',
        code: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
      });
    },
  );

  it('answers an unknown route with 404 in the same body shape', async () => {
    const response = await booted.app.inject({ method: 'GET', url: '/no/such/route' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'HTTP.NOT_FOUND',
      message: expect.any(String),
    });
  });

  it.each([
    ['invalid', 400, 'Bad Request'],
    ['not_found', 404, 'Not Found'],
    ['conflict', 409, 'Conflict'],
    ['forbidden', 403, 'Forbidden'],
  ])('maps a DomainError of kind %s to %i with its code', async (kind, status, error) => {
    const response = await getAsAdmin(`/e2e/refuse/${kind}`);
    expect(response.statusCode).toBe(status);
    const field = kind === 'invalid' ? { field: 'evidence.method' } : {};
    expect(response.json()).toEqual({
      statusCode: status,
      error,
      code: 'TEST.REFUSED',
      message: `refused as ${kind}`,
      ...field,
    });
  });

  it('maps a concurrency conflict that outlived the retries to 409', async () => {
    const response = await getAsAdmin('/e2e/concurrent');
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'EVENT_STORE.WRONG_EXPECTED_VERSION' });
    expect(response.body).not.toContain('subject-1');
  });

  it('answers an unexpected error with a generic 500 that shows nothing of it', async () => {
    const response = await getAsAdmin('/e2e/crash');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'HTTP.INTERNAL_SERVER_ERROR',
      message: 'An unexpected error occurred',
    });
    expect(response.body).not.toContain('jane.doe');
  });
});
