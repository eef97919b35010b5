import { edgeRefusal } from '../http/edge-refusals';
import type { CallerIdentity } from './api-key';
import type { ApiKeyRegistry } from './api-key-registry';
import type { Role } from './roles';

const REALM = 'Bearer realm="privacy-ledger"';

/**
 * The caller behind `Authorization: Bearer <key>` when its key holds one of `roles`; otherwise the
 * refusal (401 with WWW-Authenticate, RFC 6750 3, or 403). The one check of every route with @Roles,
 * whether Nest's guard or a lean route asks.
 */
export function admitCaller(
  registry: ApiKeyRegistry,
  roles: readonly Role[],
  authorization: string | string[] | undefined,
): CallerIdentity {
  const caller = authenticate(registry, authorization);
  if (!roles.some((role) => caller.roles.includes(role))) {
    throw edgeRefusal('AUTH.FORBIDDEN', `This route needs one of the roles: ${roles.join(', ')}`);
  }
  return caller;
}

function authenticate(registry: ApiKeyRegistry, authorization: string | string[] | undefined): CallerIdentity {
  const key = bearerToken(authorization);
  if (key === undefined) {
    throw edgeRefusal('AUTH.MISSING_KEY', 'Send an API key as "Authorization: Bearer <key>"', {
      'WWW-Authenticate': REALM,
    });
  }
  const caller = registry.authenticate(key);
  if (!caller) {
    throw edgeRefusal('AUTH.UNKNOWN_KEY', 'The API key is not known', {
      'WWW-Authenticate': `${REALM}, error="invalid_token"`,
    });
  }
  return caller;
}

function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1];
}
