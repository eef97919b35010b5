import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CallerIdentity } from './api-key';

/** Where the guard leaves the authenticated identity on the request. */
export interface RequestWithCaller {
  caller?: CallerIdentity;
}

/**
 * The authenticated caller (key name and roles), for recording who acted:
 * `grant(@Caller() caller: CallerIdentity)`. Only meaningful on @Roles routes.
 */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): CallerIdentity => {
  const caller = context.switchToHttp().getRequest<RequestWithCaller>().caller;
  // A public route has no caller; asking for one is a programming error, not a client's.
  if (!caller) throw new Error('@Caller() is only available on routes declared with @Roles(...)');
  return caller;
});
