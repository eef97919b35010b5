import { RouteConfig } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RouteHandlerMethod } from 'fastify';

const LEAN_ROUTE = 'privacy-ledger:lean-route';

/**
 * Marks a controller route that Fastify answers with a handler of its own (see serveLeanRoutes)
 * instead of Nest's per-request pipeline. The controller still declares the route: its roles, its
 * OpenAPI entry and the route walk read the same decorators, and the handler calls its method.
 */
export const LeanRoute = (name: string): MethodDecorator => RouteConfig({ [LEAN_ROUTE]: name });

/**
 * Swaps in the handler of each route marked @LeanRoute(name) as Nest registers it (call before the
 * app is initialised). Fastify's own hooks (metrics, access log, tracing, rate limits outside
 * Nest) stay, since the route does; a marked route without a handler here fails the start.
 */
export function serveLeanRoutes(app: NestFastifyApplication, handlers: Readonly<Record<string, RouteHandlerMethod>>) {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      const name = (route.config as Record<string, unknown> | undefined)?.[LEAN_ROUTE];
      if (name === undefined) return;
      const handler = typeof name === 'string' && Object.hasOwn(handlers, name) ? handlers[name] : undefined;
      if (!handler)
        throw new Error(`${route.method} ${route.url} is marked lean, but no handler "${String(name)}" was given`);
      route.handler = handler;
    });
}
