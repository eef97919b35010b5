import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiHttpException } from '../http/api-http.exception';
import { edgeRefusal } from '../http/edge-refusals';
import { admitCaller } from './admit-caller';
import { ApiKeyRegistry } from './api-key-registry';
import type { RequestWithCaller } from './caller.decorator';
import { routeAccessMemo, type RouteAccess } from './route-access';

type AuthRequest = RequestWithCaller & { headers: Record<string, string | string[] | undefined> };

/** Global: every route declares @Roles(...) or @Public(); anything else is refused to everyone. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger('Auth');
  private readonly routeAccess: (handler: Function, controller: Function) => RouteAccess;

  constructor(
    reflector: Reflector,
    private readonly registry: ApiKeyRegistry,
  ) {
    this.routeAccess = routeAccessMemo(reflector);
  }

  canActivate(context: ExecutionContext): boolean {
    const access = this.routeAccess(context.getHandler(), context.getClass());
    if (access.kind === 'public') return true;
    if (access.kind === 'undeclared') throw this.undeclared(context);
    const request = context.switchToHttp().getRequest<AuthRequest>();
    request.caller = admitCaller(this.registry, access.roles, request.headers.authorization);
    return true;
  }

  private undeclared(context: ExecutionContext): ApiHttpException {
    const route = `${context.getClass().name}.${context.getHandler().name}`;
    this.logger.error(`${route} declares neither @Roles(...) nor @Public(); refused to every caller`);
    return edgeRefusal('AUTH.ROUTE_UNDECLARED', 'This route is not open to any caller');
  }
}
