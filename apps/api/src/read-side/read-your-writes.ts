import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Refuses } from '../http/openapi/refusals';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '#runtime';
import { ProjectionProgress } from '#projection-runtime';
import { edgeRefusal, type EdgeCode } from '../http/edge-refusals';
import { validationFailed } from '../http/validation.pipe';

export const MIN_POSITION_HEADER = 'x-min-position';
export const PROJECTION_BEHIND = 'PROJECTION.BEHIND' satisfies EdgeCode;
export const PROJECTION_REBUILDING = 'PROJECTION.REBUILDING' satisfies EdgeCode;
/** Seconds; a rebuild replays the whole log, so a client need not ask again at once. */
const REBUILDING_RETRY_AFTER = '5';

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
 * While this process rebuilds a read model that did not belong to the event log, every query
 * answers 503 PROJECTION.REBUILDING: the old documents may predate a withdrawal, the new ones are
 * incomplete (the check is an in-memory look at the runners; the log was read once at their start).
 * A guard rather than an interceptor: it runs at the same point (after the global auth guards,
 * before the pipes and the handler), and a route without interceptors skips Nest's RxJS pipeline,
 * a measurable share of the contactability check's CPU.
 */
@Injectable()
export class ReadYourWritesGuard implements CanActivate {
  constructor(
    private readonly progress: ProjectionProgress,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    return this.admit(context.switchToHttp().getRequest<FastifyRequest>().headers);
  }

  /** True at once, or once the read models reached X-Min-Position; a refusal otherwise. Lean routes ask it too. */
  admit(headers: FastifyRequest['headers']): true | Promise<true> {
    const rebuilding = this.progress.rebuilding();
    if (rebuilding.length > 0) {
      const message = `The read models ${rebuilding.join(', ')} are being rebuilt from the event log; retry shortly`;
      throw edgeRefusal(PROJECTION_REBUILDING, message, { 'Retry-After': REBUILDING_RETRY_AFTER });
    }
    const position = parseMinPosition(headers[MIN_POSITION_HEADER]);
    return position === undefined || this.waitFor(position);
  }

  private async waitFor(position: number): Promise<true> {
    if (await this.progress.waitFor(position, this.config.projections.readYourWritesTimeoutMs)) return true;
    throw edgeRefusal(PROJECTION_BEHIND, `The read models have not reached position ${position} yet; retry shortly`, {
      'Retry-After': '1',
    });
  }
}

/** Put on a query route (or controller) to honour X-Min-Position. */
export function ReadYourWrites(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(ReadYourWritesGuard),
    ApiHeader({
      name: 'X-Min-Position',
      required: false,
      description: 'Answer only once the read models include this global position (from a command response)',
    }),
    // 400 for a malformed header; 503 with Retry-After when the read models did not catch up in time or a model is being rebuilt.
    Refuses('VALIDATION.FAILED', 'PROJECTION.BEHIND', 'PROJECTION.REBUILDING'),
  );
}
