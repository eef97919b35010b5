import { bearer, bootApp, type BootedApp } from './support/boot';
import { GuardedRoutesModule } from './support/test-routes';

const adminKey = 'admin-key-for-the-rate-limit-test';

describe('public rate limit', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ env: { ADMIN_API_KEY: adminKey, PUBLIC_RATE_LIMIT: '3' }, extraModules: [GuardedRoutesModule] });
  });
  afterAll(() => booted.close());

  const get = (url: string, headers: Record<string, string> = {}) => booted.app.inject({ method: 'GET', url, headers });

  it('answers a public route over the limit with 429 and Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get('/e2e/ping')).statusCode);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await get('/e2e/ping');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'HTTP.RATE_LIMITED' });
  });

  it('does not limit authenticated routes, nor the health probe', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await get('/e2e/refuse/conflict', bearer(adminKey))).statusCode).toBe(409);
      expect((await get('/health')).statusCode).toBe(200);
    }
  });
});
