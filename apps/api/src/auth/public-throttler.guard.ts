import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { edgeRefusal } from '../http/edge-refusals';
import { RATE_LIMITED } from './public-rate-limits';
import { routeAccessMemo } from './route-access';

/**
 * Limits only @Public() routes: they are the ones anybody can hammer. Authenticated clients
 * (CRM imports, journey engines) legitimately send bursts and are accountable by key.
 */
@Injectable()
export class PublicRouteThrottlerGuard extends ThrottlerGuard {
  private routeAccess?: ReturnType<typeof routeAccessMemo>;

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    // Built on first use: the reflector is injected as a property of the base class.
    this.routeAccess ??= routeAccessMemo(this.reflector);
    return this.routeAccess(context.getHandler(), context.getClass()).kind !== 'public';
  }

  // The base guard names Retry-After after the throttler (Retry-After-oneClick); clients read the standard one.
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retry = String(detail.timeToBlockExpire);
    throw edgeRefusal(RATE_LIMITED, `Too many requests; retry in ${retry} s`, { 'Retry-After': retry });
  }
}
