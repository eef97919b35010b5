import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { replyWithError } from './error-reply';

/**
 * Every failure of every route (and of Fastify's parsing and routing) leaves through here, so
 * clients see one body shape and an unexpected error never shows its internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(error: unknown, host: ArgumentsHost): void {
    replyWithError(host.switchToHttp().getResponse<FastifyReply>(), error, this.logger);
  }
}
