import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { readRouteAccess, type RouteAccess } from '../../../apps/api/src/auth/route-access';
import { ROLES, type Role } from '../../../apps/api/src/auth/roles';

/** One route of the running app as its controller declared it. */
export interface DiscoveredRoute {
  method: string;
  path: string;
  handler: string;
  access: RouteAccess;
}

/** A value for every path parameter: well-formed, so an allowed caller reaches validation or a 404. */
const PARAM_PLACEHOLDER = '00000000-0000-4000-8000-000000000000';

/** Every controller route of the app with its declared access, read from the same metadata the guard reads. */
export function discoverRoutes(app: INestApplication): DiscoveredRoute[] {
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
  return controllers.flatMap(({ metatype, instance }) => {
    if (!metatype || !instance) return [];
    const prototype = Object.getPrototypeOf(instance) as Record<string, Function>;
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = prototype[name];
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) return [];
      const access = readRouteAccess(reflector, handler, metatype as Function);
      return joinPaths(Reflect.getMetadata(PATH_METADATA, metatype), Reflect.getMetadata(PATH_METADATA, handler)).map(
        (path) => ({
          method: RequestMethod[method],
          path,
          handler: `${(metatype as Function).name}.${name}`,
          access,
        }),
      );
    });
  });
}

function joinPaths(controller: string | string[] | undefined, route: string | string[] | undefined): string[] {
  const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : [value ?? '']);
  return list(controller).flatMap((base) =>
    list(route).map(
      (tail) =>
        `/${[base, tail]
          .map((part) => part.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/')}`,
    ),
  );
}

/** A broken expectation, worded for the failure message. */
export interface RouteWalkFailure {
  route: string;
  caller: string;
  expected: string;
  status: number;
}

/**
 * Calls every route with no key and with a key of each role, and lists what broke the rules:
 * no key -> 401 (anything but 401/403 on @Public), a role not declared -> 403, a declared role ->
 * neither 401 nor 403 nor 500; a @SessionOnly() route answers 401 to every key (none is a session). A route that declares nothing is itself a failure.
 * The app must be listening (a real socket, so streaming routes answer with headers and are cut off).
 */
export async function walkRoutes(
  app: INestApplication,
  keys: Readonly<Record<Role, string>>,
): Promise<{ routes: DiscoveredRoute[]; failures: RouteWalkFailure[] }> {
  const baseUrl = (await app.getUrl()).replace('[::1]', 'localhost');
  const routes = discoverRoutes(app);
  const failures: RouteWalkFailure[] = [];
  for (const route of routes) {
    failures.push(...(await walkRoute(baseUrl, route, keys)));
  }
  return { routes, failures };
}

async function walkRoute(
  baseUrl: string,
  route: DiscoveredRoute,
  keys: Readonly<Record<Role, string>>,
): Promise<RouteWalkFailure[]> {
  const name = `${route.method} ${route.path} (${route.handler})`;
  if (route.access.kind === 'undeclared')
    return [{ route: name, caller: '-', expected: 'a @Roles(...) or @Public() declaration', status: 0 }];
  const callers: Array<[string, string | undefined]> = [
    ['no key', undefined],
    ...ROLES.map((role): [string, string] => [role, keys[role]]),
  ];
  const failures: RouteWalkFailure[] = [];
  for (const [caller, key] of callers) {
    const status = await call(baseUrl, route, key);
    const expected = expectation(route.access, caller);
    if (!expected.accepts(status)) failures.push({ route: name, caller, expected: expected.text, status });
  }
  return failures;
}

function expectation(access: RouteAccess, caller: string): { text: string; accepts: (status: number) => boolean } {
  const admitted = { text: 'not 401, 403 or 500', accepts: (status: number) => ![401, 403, 500].includes(status) };
  // No key opens a data subject's session: without the session cookie, every caller gets 401.
  if (access.kind === 'public' && access.session)
    return { text: '401 (no session)', accepts: (status) => status === 401 };
  if (access.kind === 'public') return admitted;
  if (caller === 'no key') return { text: '401', accepts: (status) => status === 401 };
  const declared = access.kind === 'roles' && access.roles.includes(caller as Role);
  return declared ? admitted : { text: '403', accepts: (status) => status === 403 };
}

async function call(baseUrl: string, route: DiscoveredRoute, key: string | undefined): Promise<number> {
  const path = route.path.replace(/:[^/]+/g, PARAM_PLACEHOLDER).replace(/\*/g, 'x');
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  const headers: Record<string, string> = hasBody ? { 'content-type': 'application/json' } : {};
  if (key !== undefined) headers.authorization = `Bearer ${key}`;
  const method = route.method === 'ALL' ? 'GET' : route.method;
  const response = await fetch(baseUrl + path, { method, headers, body: hasBody ? '{}' : undefined });
  await response.body?.cancel();
  return response.status;
}
