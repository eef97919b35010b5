import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiHttpException } from '../http/api-http.exception';
import { edgeRefusal } from '../http/edge-refusals';
import type { CallerIdentity } from './api-key';
import { ApiKeyRegistry } from './api-key-registry';
import type { RequestWithCaller } from './caller.decorator';
import { routeAccessMemo, type RouteAccess } from './route-access';

type AuthRequest = RequestWithCaller & { headers: Record<string, string | string[] | undefined> };

const REALM = 'Bearer realm="privacy-ledger"';

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
    const caller = this.authenticate(request);
    if (!access.roles.some((role) => caller.roles.includes(role))) {
      throw edgeRefusal('AUTH.FORBIDDEN', `This route needs one of the roles: ${access.roles.join(', ')}`);
    }
    request.caller = caller;
    return true;
  }

  private authenticate(request: AuthRequest): CallerIdentity {
    const key = bearerToken(request.headers.authorization);
    if (key === undefined) {
      throw edgeRefusal('AUTH.MISSING_KEY', 'Send an API key as "Authorization: Bearer <key>"', {
        'WWW-Authenticate': REALM,
      });
    }
    const caller = this.registry.authenticate(key);
    if (!caller) {
      throw edgeRefusal('AUTH.UNKNOWN_KEY', 'The API key is not known', {
        'WWW-Authenticate': `${REALM}, error="invalid_token"`,
      });
    }
    return caller;
  }

  private undeclared(context: ExecutionContext): ApiHttpException {
    const route = `${context.getClass().name}.${context.getHandler().name}`;
    this.logger.error(`${route} declares neither @Roles(...) nor @Public(); refused to every caller`);
    return edgeRefusal('AUTH.ROUTE_UNDECLARED', 'This route is not open to any caller');
  }
}

function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1];
}
