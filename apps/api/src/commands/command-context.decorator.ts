import { createHash } from 'node:crypto';
import { createParamDecorator, Injectable, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import { canonicalJson } from '#audit';
import { refusal } from '#domain';
import { RequestKeys } from '#runtime';
import type { CommandContext } from '#application';
import type { RequestWithCaller } from '../auth/caller.decorator';

interface CommandRequest extends RequestWithCaller {
  id?: string;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/** What the edge reads off the request, in memory only: the clear key and an unkeyed digest. */
interface ClearContext extends Omit<CommandContext, 'idempotencyKey' | 'requestHash'> {
  clearKey?: string;
  requestDigest?: string;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const SOURCE_SYSTEM = /^[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,99}$/;

/** A header's first value, refused (naming the header) when it does not have the form it must. */
function header(
  raw: string | string[] | undefined,
  form: RegExp,
  code: 'VALIDATION.IDEMPOTENCY_KEY' | 'VALIDATION.FAILED',
  rule: string,
  name: string,
): string | undefined {
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!form.test(value)) throw refusal(code, `${name} must be ${rule}`, name);
  return value;
}

const idempotencyKey = (raw: string | string[] | undefined) =>
  header(raw, IDEMPOTENCY_KEY, 'VALIDATION.IDEMPOTENCY_KEY', '1 to 200 visible ASCII characters', 'Idempotency-Key');

/** Art. 15(1)(g): which system sent the data; recorded in the events' metadata. */
const sourceSystem = (raw: string | string[] | undefined) =>
  header(
    raw,
    SOURCE_SYSTEM,
    'VALIDATION.FAILED',
    '1 to 100 letters, digits, spaces and ._:/- starting with a letter or digit',
    'X-Source-System',
  );

/** The request's digest: a reused Idempotency-Key with another method, path or body is refused. */
function requestDigest(request: CommandRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url.split('?')[0]} ${canonicalJson(request.body ?? null)}`)
    .digest('hex');
}

const ClearCommandCtx = createParamDecorator((_data: unknown, context: ExecutionContext): ClearContext => {
  const request = context.switchToHttp().getRequest<CommandRequest>();
  const key = idempotencyKey(request.headers['idempotency-key']);
  return {
    actor: request.caller?.name ?? 'public',
    now: new Date().toISOString(),
    correlationId: request.id === undefined ? undefined : String(request.id),
    sourceSystem: sourceSystem(request.headers['x-source-system']),
    clearKey: key,
    requestDigest: key === undefined ? undefined : requestDigest(request),
  };
});

/**
 * The clear key and the digest never leave this pipe: only their keyed forms reach the command
 * (and so the event metadata and the ids derived from the key), see RequestKeys.
 */
@Injectable()
export class KeyCommandContext implements PipeTransform<ClearContext, CommandContext> {
  constructor(private readonly keys: RequestKeys) {}

  transform({ clearKey, requestDigest: digest, ...context }: ClearContext): CommandContext {
    if (clearKey === undefined) return context;
    return {
      ...context,
      idempotencyKey: this.keys.idempotencyKey(clearKey),
      requestHash: this.keys.fingerprint(digest ?? ''),
    };
  }
}

/**
 * Who acted (the API key's name, or `public`), when the edge received the command (the only
 * clock the domain sees) and how to recognise a retry.
 */
export const CommandCtx = (): ParameterDecorator => ClearCommandCtx(KeyCommandContext);
