import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';
import { GuardedRoutesModule, UndeclaredRouteModule } from './support/test-routes';
import type { Role } from '../../apps/api/src/auth/roles';

const grantBody = {
  topic: 'newsletter',
  evidence: { affirmativeAction: true, method: 'checkbox' },
  contactPoints: [{ address: 'a@b.example' }],
};

describe('API keys and roles', () => {
  let booted: BootedApp;
  let keys: Record<Role, string>;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir, extraModules: [GuardedRoutesModule, UndeclaredRouteModule] });
  });
  afterAll(() => booted.close());

  const get = (url: string, headers: Record<string, string> = {}) => booted.app.inject({ method: 'GET', url, headers });

  it('refuses a request without a key with 401 and a Bearer challenge', async () => {
    const response = await get('/e2e/audit');
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(response.json()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'AUTH.MISSING_KEY',
      message: expect.any(String),
    });
  });

  it('refuses an unknown key, and a known key sent with another scheme, with 401', async () => {
    const unknown = await get('/e2e/audit', bearer('plk_not-a-key'));
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['www-authenticate']).toBe('Bearer realm="privacy-ledger", error="invalid_token"');
    expect(unknown.json().code).toBe('AUTH.UNKNOWN_KEY');
    expect((await get('/e2e/audit', { authorization: `Basic ${keys.auditor}` })).statusCode).toBe(401);
  });

  it('refuses a role the route does not declare with 403, admin included', async () => {
    for (const role of ['crm', 'journey', 'admin'] as const) {
      const response = await get('/e2e/audit', bearer(keys[role]));
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'AUTH.FORBIDDEN' });
    }
  });

  it('admits each declared role and hands the handler the caller', async () => {
    const auditor = await get('/e2e/audit', bearer(keys.auditor));
    expect(auditor.statusCode).toBe(200);
    expect(auditor.json()).toEqual({ caller: { name: 'e2e-auditor', roles: ['auditor'] } });
    expect((await get('/e2e/audit', { authorization: `bearer ${keys.dpo}` })).statusCode).toBe(200);
  });

  it('passes the caller and a transformed DTO to a POST handler', async () => {
    const response = await booted.app.inject({
      method: 'POST',
      url: '/e2e/grant',
      headers: bearer(keys.crm),
      payload: grantBody,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      caller: { name: 'e2e-crm', roles: ['crm'] },
      body: grantBody,
      isDto: true,
      evidenceIsDto: true,
    });
  });

  it('refuses a route that declares neither @Roles nor @Public to every caller (fail closed)', async () => {
    for (const headers of [{}, bearer(keys.admin), bearer(keys.crm)]) {
      const response = await get('/e2e/undeclared', headers);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'AUTH.ROUTE_UNDECLARED' });
      expect(response.body).not.toContain('reached');
    }
  });

  it('serves @Public routes and /health without a key', async () => {
    expect((await get('/e2e/ping')).statusCode).toBe(200);
    expect((await get('/health')).statusCode).toBe(200);
  });
});
