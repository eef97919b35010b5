import { discoverRoutes, walkRoutes } from '#testing';
import { bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';
import { GuardedRoutesModule, UndeclaredRouteModule } from './support/test-routes';

/** Public routes are called six times each; the walk must not run into the public rate limit. */
const roomyRateLimit = { PUBLIC_RATE_LIMIT: '10000' };

describe('every route, every role, no key', () => {
  let booted: BootedApp;

  afterEach(() => booted?.close());

  it('finds every route of the real app (plus the test routes) keeping its declared access', async () => {
    const dataDir = tempDataDir();
    const keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir, env: roomyRateLimit, extraModules: [GuardedRoutesModule], listen: true });
    const { routes, failures } = await walkRoutes(booted.app, keys);
    expect(failures).toEqual([]);
    expect(routes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'GET', path: '/health', access: { kind: 'public' } }),
        expect.objectContaining({
          method: 'POST',
          path: '/e2e/grant',
          access: { kind: 'roles', roles: ['crm', 'admin'] },
        }),
        expect.objectContaining({
          method: 'GET',
          path: '/e2e/refuse/:kind',
          access: { kind: 'roles', roles: ['admin'] },
        }),
      ]),
    );
  });

  it('reports a route without a declaration, so a forgotten @Roles fails the walk', async () => {
    const dataDir = tempDataDir();
    const keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir, env: roomyRateLimit, extraModules: [UndeclaredRouteModule], listen: true });
    const { failures } = await walkRoutes(booted.app, keys);
    expect(failures).toEqual([
      expect.objectContaining({ route: 'GET /e2e/undeclared (UndeclaredRouteController.undeclared)' }),
    ]);
  });

  it('discovers only routes the router really serves', async () => {
    booted = await bootApp({ env: { ADMIN_API_KEY: 'a'.repeat(32) }, extraModules: [GuardedRoutesModule] });
    const fastify = booted.app.getHttpAdapter().getInstance();
    for (const route of discoverRoutes(booted.app)) {
      expect({ route, served: fastify.hasRoute({ method: route.method as 'GET', url: route.path }) }).toEqual({
        route,
        served: true,
      });
    }
  });
});
