import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { canonicalJson } from '#audit';
import { DomainError } from '#domain';
import type { CommandContext } from '#application';
import type { RequestWithCaller } from '../auth/caller.decorator';

interface CommandRequest extends RequestWithCaller {
  id?: string;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function idempotencyKey(raw: string | string[] | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError('VALIDATION.IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 200 visible ASCII characters', 'invalid', 'Idempotency-Key');
  }
  return key;
}

/** The request's fingerprint: a reused Idempotency-Key with another method, path or body is refused. */
function requestHash(request: CommandRequest): string {
  return createHash('sha256').update(`${request.method} ${request.url.split('?')[0]} ${canonicalJson(request.body ?? null)}`).digest('hex');
}

/**
 * Who acted (the API key's name, or `public`), when the edge received the command (the only
 * clock the domain sees) and how to recognise a retry.
 */
export const CommandCtx = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<CommandRequest>();
  const key = idempotencyKey(request.headers['idempotency-key']);
  return {
    actor: request.caller?.name ?? 'public',
    now: new Date().toISOString(),
    correlationId: request.id === undefined ? undefined : String(request.id),
    idempotencyKey: key,
    requestHash: key === undefined ? undefined : requestHash(request),
  };
});
