import { EVENT_STORE } from '#runtime';
import { MAX_JSON_NESTING } from '#application';
import type { EventStore } from '#event-store';
import { NESTING_TOO_DEEP } from '../../apps/api/src/http/json-body';
import { bearer, bootApp, type BootedApp } from './support/boot';

const adminKey = 'admin-key-for-the-nesting-test';
const nested = (depth: number) => `{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
const json = { 'content-type': 'application/json' };

/** A body nested tens of thousands deep once cost ~0.3 s of CPU and answered 500 (stack overflow). */
describe('JSON nesting limit (e2e)', () => {
  let booted: BootedApp;
  let baseUrl: string;

  beforeAll(async () => {
    booted = await bootApp({ env: { ADMIN_API_KEY: adminKey, UNSUBSCRIBE_RATE_LIMIT: '100000' }, listen: true });
    baseUrl = (await booted.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => booted.close());

  const headPosition = () => booted.app.get<EventStore>(EVENT_STORE).headPosition();

  const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
    booted.app.inject({ method: 'POST', url, payload, headers: { ...json, ...headers } });

  it.each([
    ['the public one-click unsubscribe', '/unsubscribe?token=x', {}],
    ['an authenticated command', '/topics', bearer(adminKey)],
  ])('refuses a 50,000-deep body on %s with 400 before parsing it', async (_name, url, headers) => {
    const response = await post(url, nested(50_000), headers);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: NESTING_TOO_DEEP,
      message: expect.stringContaining(String(MAX_JSON_NESTING)),
    });
    expect(await headPosition()).toBe(0);
  });

  it('lets a body at the limit through to validation, and refuses one level more', async () => {
    expect((await post('/topics', nested(MAX_JSON_NESTING), bearer(adminKey))).json()).toMatchObject({
      code: 'VALIDATION.FAILED',
    });
    expect((await post('/topics', nested(MAX_JSON_NESTING + 1), bearer(adminKey))).json()).toMatchObject({
      code: NESTING_TOO_DEEP,
    });
  });

  it('keeps /health responsive while two clients keep sending such bodies', async () => {
    const body = nested(50_000);
    let attacking = true;
    const statuses: number[] = [];
    const attacker = async () => {
      while (attacking)
        statuses.push((await fetch(`${baseUrl}/unsubscribe?token=x`, { method: 'POST', headers: json, body })).status);
    };
    const attackers = [attacker(), attacker()];
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
      latencies.push(Date.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
    attacking = false;
    await Promise.all(attackers);
    expect(new Set(statuses)).toEqual(new Set([400]));
    expect(statuses.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(500);
  });
});
