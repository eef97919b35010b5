import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { Refuses } from '../http/openapi/refusals';
import { countAgainst, type PublicRateClass } from './public-rate-limits';
import { isRole, type Role } from './roles';

export const ROUTE_ACCESS = 'privacy-ledger:route-access';

/**
 * What a route declared; `undeclared` routes are refused to everyone (fail closed). A public route
 * with `session` needs the Privacy Center's session cookie instead of a key (its guard checks it).
 */
export type RouteAccess =
  | { kind: 'public'; session?: true }
  | { kind: 'roles'; roles: readonly Role[] }
  | { kind: 'undeclared' };

/** The name of the bearer scheme in the OpenAPI document. */
export const BEARER_SCHEME = 'api-key';

/**
 * The roles whose keys may call the route (on a controller class: all its routes unless a method
 * says otherwise). No role is implied: admin is accepted only where it is listed.
 */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  if (roles.length === 0 || !roles.every(isRole))
    throw new Error(`@Roles() needs at least one known role, got [${roles.join(', ')}]`);
  return applyDecorators(
    SetMetadata(ROUTE_ACCESS, { kind: 'roles', roles: [...new Set(roles)] } satisfies RouteAccess),
    ApiBearerAuth(BEARER_SCHEME),
    ApiExtension('x-roles', [...new Set(roles)]),
    Refuses('AUTH.MISSING_KEY', 'AUTH.UNKNOWN_KEY', 'AUTH.FORBIDDEN'),
  );
}

/** Callable without a key; rate limited per client IP by its class's limit (PUBLIC_RATE_LIMIT by default). */
export function Public(rateClass: PublicRateClass = 'default'): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess),
    countAgainst(rateClass),
    Refuses('HTTP.RATE_LIMITED'),
  );
}

/**
 * No API key, the data subject's own Privacy Center session instead (no key grants it): for routes
 * behind PrivacyCenterSessionGuard, rate limited like every public route.
 */
export function SessionOnly(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROUTE_ACCESS, { kind: 'public', session: true } satisfies RouteAccess),
    countAgainst('default'),
    Refuses('HTTP.RATE_LIMITED'),
  );
}

/** A method's declaration wins over its controller's. */
export function readRouteAccess(reflector: Reflector, handler: Function, controller: Function): RouteAccess {
  return (
    reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [handler, controller]) ?? { kind: 'undeclared' }
  );
}

/**
 * readRouteAccess remembered per (handler, controller): metadata is fixed once the app is built,
 * and the guards ask on every request.
 */
export function routeAccessMemo(reflector: Reflector): (handler: Function, controller: Function) => RouteAccess {
  const byHandler = new WeakMap<Function, WeakMap<Function, RouteAccess>>();
  return (handler, controller) => {
    let byController = byHandler.get(handler);
    if (!byController) byHandler.set(handler, (byController = new WeakMap()));
    let access = byController.get(controller);
    if (!access) byController.set(controller, (access = readRouteAccess(reflector, handler, controller)));
    return access;
  };
}
