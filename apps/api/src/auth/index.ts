export {
  Roles,
  Public,
  SessionOnly,
  readRouteAccess,
  ROUTE_ACCESS,
  BEARER_SCHEME,
  type RouteAccess,
} from './route-access';
export { Caller } from './caller.decorator';
export { ROLES, isRole, type Role } from './roles';
export { hashApiKey, type CallerIdentity, type ApiKeyEntry } from './api-key';
export { createApiKey, appendApiKey, defaultApiKeysFile, readApiKeysFile } from './api-key-file';
export { AuthModule } from './auth.module';
