import { bootApp, type BootedApp } from './support/boot';
import { GuardedRoutesModule } from './support/test-routes';

describe('OpenAPI', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ env: { ADMIN_API_KEY: 'd'.repeat(32) }, extraModules: [GuardedRoutesModule] });
  });
  afterAll(() => booted.close());

  it('serves the document at /docs/json without a key, declaring bearer auth and each route’s roles', async () => {
    const response = await booted.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.components.securitySchemes['api-key']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/e2e/grant'].post).toMatchObject({
      security: [{ 'api-key': [] }],
      'x-roles': ['crm', 'admin'],
    });
    expect(document.paths['/health'].get.security).toEqual([]);
  });

  it('gives every operation a summary, a unique operationId, a success schema and coded refusals', async () => {
    const document = (await booted.app.inject({ method: 'GET', url: '/docs/json' })).json();
    // The test-only routes of GuardedRoutesModule (/e2e/...) are not the api's.
    const api = Object.entries(document.paths).filter(([path]) => !path.startsWith('/e2e/'));
    const operations = api.flatMap(([path, item]: [string, any]) =>
      Object.entries(item).map(([method, op]: [string, any]) => ({
        route: `${method.toUpperCase()} ${path}`,
        method,
        op,
      })),
    );
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { route, op } of operations) {
      expect({ route, summary: typeof op.summary === 'string' && op.summary.length > 0 }).toEqual({
        route,
        summary: true,
      });
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect({
        route,
        success:
          success.length > 0 &&
          success.every(([status, r]: [string, any]) => status === '204' || r.content !== undefined),
      }).toEqual({ route, success: true });
      for (const [status, response] of Object.entries(op.responses) as Array<[string, any]>) {
        if (Number(status) < 400) continue;
        const codes = response.content?.['application/json']?.schema?.allOf?.[1]?.properties?.code?.enum;
        expect({ route, status, codes: Array.isArray(codes) && codes.length > 0 }).toEqual({
          route,
          status,
          codes: true,
        });
      }
    }
  });

  it('puts Idempotency-Key only on commands and X-Min-Position only on queries that wait for it', async () => {
    const document = (await booted.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const header = (path: string, method: string, name: string) =>
      (document.paths[path][method].parameters ?? []).some((p: any) => p.in === 'header' && p.name === name);
    for (const [path, item] of Object.entries(document.paths) as Array<[string, any]>) {
      if (item.get)
        expect({ path, idempotency: header(path, 'get', 'Idempotency-Key') }).toEqual({ path, idempotency: false });
    }
    expect(header('/subjects/{id}/consents', 'post', 'Idempotency-Key')).toBe(true);
    expect(header('/subjects/{id}/profile', 'patch', 'Idempotency-Key')).toBe(true);
    expect(header('/webhooks', 'post', 'Idempotency-Key')).toBe(false);
    expect(header('/subjects/{id}', 'get', 'X-Min-Position')).toBe(true);
    expect(header('/subjects/{id}/history', 'get', 'X-Min-Position')).toBe(false);
    expect(header('/subjects/{id}/consents', 'post', 'X-Min-Position')).toBe(false);
  });

  it('documents the request bodies of the profile update and of imports', async () => {
    const document = (await booted.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(document.paths['/subjects/{id}/profile'].patch.requestBody.content['application/json'].schema).toMatchObject(
      { type: 'object', additionalProperties: { type: 'string', nullable: true } },
    );
    expect(Object.keys(document.paths['/imports'].post.requestBody.content).sort()).toEqual([
      'application/x-ndjson',
      'text/csv',
    ]);
  });

  it('serves Swagger UI at /docs, pointing at the JSON document', async () => {
    const page = await booted.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger-ui');
    const init = await booted.app.inject({ method: 'GET', url: '/docs/swagger-ui-init.js' });
    expect(init.statusCode).toBe(200);
    expect(init.body).toContain('"paths"');
  });
});
