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
    expect(document.paths['/e2e/grant'].post).toMatchObject({ security: [{ 'api-key': [] }], 'x-roles': ['crm', 'admin'] });
    expect(document.paths['/health'].get.security).toBeUndefined();
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
