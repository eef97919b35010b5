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

  it('serves a page at /docs that points at the JSON', async () => {
    const response = await booted.app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('href="/docs/json"');
  });
});
