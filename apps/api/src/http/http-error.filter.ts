import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { errorBody, httpCode, type ErrorResponse } from './error-body';
import { mapError } from './error-mapping';

/**
 * Every failure of every route (and of Fastify's parsing and routing) leaves through here, so
 * clients see one body shape and an unexpected error never shows its internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const response = mapError(error) ?? this.unexpected(error);
    for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
    reply.status(response.body.statusCode).send(response.body);
  }

  /** Logged with the error's own name and stack only: the request may carry personal data. */
  private unexpected(error: unknown): ErrorResponse {
    const failure = error instanceof Error ? error : new Error(`non-error thrown: ${typeof error}`);
    this.logger.error(`unexpected ${failure.name}`, failure.stack);
    return { body: errorBody(500, httpCode(500), 'An unexpected error occurred') };
  }
}
