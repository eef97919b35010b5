import { applyDecorators, type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { from, type Observable, switchMap } from 'rxjs';
import { APP_CONFIG, type AppConfig, ProjectionProgress } from '#application';
import { ApiHttpException } from '../http/api-http.exception';
import { validationFailed } from '../http/validation.pipe';

export const MIN_POSITION_HEADER = 'x-min-position';

/** Parses X-Min-Position: a non-negative integer, or a 400 naming the header. */
export function parseMinPosition(raw: string | string[] | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) {
    const message = 'X-Min-Position must be a non-negative integer (a position a command returned)';
    throw validationFailed([{ field: 'X-Min-Position', rule: 'isNonNegativeInteger', message }]);
  }
  return Number(value.trim());
}

/**
 * Read-your-writes for query routes: a client passes the `position` a command returned in
 * `X-Min-Position`, and the query is answered only once every projection has reached it. After
 * READ_YOUR_WRITES_TIMEOUT_MS (default 2 s) it answers 503 PROJECTION.BEHIND with Retry-After.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly progress: ProjectionProgress,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const position = parseMinPosition(request.headers[MIN_POSITION_HEADER]);
    if (position === undefined) return next.handle();
    return from(this.progress.waitFor(position, this.config.projections.readYourWritesTimeoutMs)).pipe(
      switchMap((reached) => {
        if (!reached) {
          throw new ApiHttpException(503, 'PROJECTION.BEHIND', `The read models have not reached position ${position} yet; retry shortly`, { 'Retry-After': '1' });
        }
        return next.handle();
      }),
    );
  }
}

/** Put on a query route (or controller) to honour X-Min-Position. */
export function ReadYourWrites(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(ReadYourWritesInterceptor),
    ApiHeader({ name: 'X-Min-Position', required: false, description: 'Answer only once the read models include this global position (from a command response)' }),
    ApiServiceUnavailableResponse({ description: 'PROJECTION.BEHIND: the read models did not reach X-Min-Position in time; see Retry-After' }),
  );
}
