import { bearer, bootApp, type BootedApp } from './support/boot';
import { GuardedRoutesModule } from './support/test-routes';

const adminKey = 'admin-key-for-the-rate-limit-test';

describe('public rate limit', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({
      env: { ADMIN_API_KEY: adminKey, PUBLIC_RATE_LIMIT: '3', UNSUBSCRIBE_RATE_LIMIT: '5', PROBE_RATE_LIMIT: '12' },
      extraModules: [GuardedRoutesModule],
    });
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

  it('counts by the socket address unless TRUST_PROXY is set: a forged X-Forwarded-For does not escape the limit', async () => {
    for (let i = 0; i < 4; i++) await get('/e2e/ping', { 'x-forwarded-for': '198.51.100.1' });
    expect((await get('/e2e/ping', { 'x-forwarded-for': '198.51.100.2' })).statusCode).toBe(429);
  });

  it('does not limit authenticated routes; the health probe has its own, higher limit', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await get('/e2e/refuse/conflict', bearer(adminKey))).statusCode).toBe(409);
      expect((await get('/health')).statusCode).toBe(200);
    }
    for (let i = 0; i < 2; i++) expect((await get('/health')).statusCode).toBe(200);
    const limited = await get('/health');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits the one-click unsubscribe POST by its own, higher limit (UNSUBSCRIBE_RATE_LIMIT)', async () => {
    const oneClick = () =>
      booted.app.inject({
        method: 'POST',
        url: '/unsubscribe?token=forged.mac',
        payload: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await oneClick()).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    const limited = await oneClick();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'HTTP.RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("limits /docs and unknown paths, which never reach Nest's guards, by PROBE_RATE_LIMIT", async () => {
    for (const url of ['/docs/json', '/no-such-page']) {
      const statuses = [];
      for (let i = 0; i < 13; i++) statuses.push((await get(url, { accept: 'text/html' })).statusCode);
      expect(new Set(statuses.slice(0, 12)).has(429)).toBe(false);
      expect(statuses[12]).toBe(429);
    }
    const limited = await get('/docs/json');
    expect(limited.json()).toMatchObject({ statusCode: 429, code: 'HTTP.RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits every other public route by PUBLIC_RATE_LIMIT', async () => {
    for (const url of ['/unsubscribe?token=forged.mac', '/double-opt-in?token=forged', '/audit/public-key']) {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await get(url)).statusCode);
      expect(statuses[3]).toBe(429);
    }
  });
});

describe('public rate limit behind a trusted proxy (TRUST_PROXY)', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    // app.inject() comes from 127.0.0.1, standing for the proxy in front of the api.
    booted = await bootApp({
      env: { ADMIN_API_KEY: adminKey, PUBLIC_RATE_LIMIT: '2', TRUST_PROXY: '127.0.0.1' },
      extraModules: [GuardedRoutesModule],
    });
  });
  afterAll(() => booted.close());

  const fromClient = (ip: string) =>
    booted.app.inject({ method: 'GET', url: '/e2e/ping', headers: { 'x-forwarded-for': ip } });

  it('limits each client the proxy names on its own', async () => {
    const first = [];
    for (let i = 0; i < 3; i++) first.push((await fromClient('203.0.113.10')).statusCode);
    expect(first).toEqual([200, 200, 429]);
    expect((await fromClient('203.0.113.11')).statusCode).toBe(200);
  });
});
