import type { LoggerService } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { errorBody, httpCode, type ErrorResponse } from './error-body';
import { mapError } from './error-mapping';

/**
 * Answers `error` with its mapped status, body and headers (the exception filter and the lean
 * routes both send through here, so a refusal reads the same on every route).
 */
export function replyWithError(reply: FastifyReply, error: unknown, logger: LoggerService): void {
  const response = mapError(error) ?? unexpected(error, logger);
  for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
  reply.status(response.body.statusCode).send(response.body);
}

/** Logged with the error's own name and stack only: the request may carry personal data. */
function unexpected(error: unknown, logger: LoggerService): ErrorResponse {
  const failure = error instanceof Error ? error : new Error(`non-error thrown: ${typeof error}`);
  logger.error(`unexpected ${failure.name}`, failure.stack);
  return { body: errorBody(500, httpCode(500), 'An unexpected error occurred') };
}
