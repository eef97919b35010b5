import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, findDoubleOptInByTokenHash, refusal, refusalNaming, type ExpireDoubleOptIn } from '#domain';
import { type AppConfig, APP_CONFIG } from '#runtime';
import type { CommandContext } from '../commands/command-context';
import type { CommandResult } from '../commands/command-result';
import { hashToken } from './derived-tokens';
import { DOUBLE_OPT_IN_TOKENS, type DoubleOptInTokens } from './double-opt-in-token';
import { SubjectCommandOf } from './subject-command-of';
import { SubjectCommandRunner } from './subject-command-runner';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DoubleOptInRequestInput {
  topicId: string;
  channel: string;
  contactPointId: string;
  textVersion: number;
  sourceSystem: string;
  formId?: string;
}

/** requestId, expiresAt and token come only with the first answer: the clear token exists nowhere else. */
export interface DoubleOptInIssued {
  result: CommandResult;
  requestId?: string;
  expiresAt?: string;
  token?: string;
}

export class RequestDoubleOptInCommand extends Command<DoubleOptInIssued> {
  constructor(
    readonly subjectId: string,
    readonly input: DoubleOptInRequestInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RequestDoubleOptInCommand)
export class RequestDoubleOptInHandler implements ICommandHandler<RequestDoubleOptInCommand> {
  constructor(
    private readonly subjects: SubjectCommandRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DOUBLE_OPT_IN_TOKENS) private readonly tokens: DoubleOptInTokens,
  ) {}

  async execute({ subjectId, input, context }: RequestDoubleOptInCommand): Promise<DoubleOptInIssued> {
    const requestId = randomUUID();
    // Derived from (subject, request) under a master-derived key, so the mail outbox can rebuild it.
    const token = this.tokens.issue(subjectId, requestId);
    const expiresAt = new Date(
      Date.parse(context.now) + this.config.domain.doubleOptInTtlHours * 3_600_000,
    ).toISOString();
    const data = { ...input, requestId, tokenHash: hashToken(token), expiresAt };
    const metadata = await this.subjects.topicContext(input.topicId, context);
    const result = await this.subjects.run(subjectId, { type: 'RequestDoubleOptIn', data, metadata }, context);
    return result.replayed || result.events.length === 0 ? { result } : { result, requestId, expiresAt, token };
  }
}

export type DoubleOptInConfirmation = CommandResult & { subjectId: string };

export class ConfirmDoubleOptInCommand extends Command<DoubleOptInConfirmation> {
  constructor(
    readonly token: string,
    readonly evidence: { ipAddress?: string; userAgent?: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Public: the token is the credential. An unparseable token is as unknown as a wrong one. */
@CommandHandler(ConfirmDoubleOptInCommand)
export class ConfirmDoubleOptInHandler implements ICommandHandler<ConfirmDoubleOptInCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  async execute({ token, evidence, context }: ConfirmDoubleOptInCommand): Promise<DoubleOptInConfirmation> {
    const subjectId = token.split('.')[0];
    if (!UUID.test(subjectId)) throw refusal('DOUBLE_OPT_IN.TOKEN_UNKNOWN', 'unknown double opt-in token', 'token');
    const tokenHash = hashToken(token);
    const request = findDoubleOptInByTokenHash(await this.subjects.state(subjectId), tokenHash);
    const metadata = await this.subjects.topicContext(request?.scope.topicId, context);
    const result = await this.subjects
      .run(subjectId, { type: 'ConfirmDoubleOptIn', data: { tokenHash, ...evidence }, metadata }, context)
      .catch(asTokenRefusal);
    return { ...result, subjectId };
  }
}

/** The decider judges the token's hash; the caller sent `token`, so that is the field a refusal names. */
function asTokenRefusal(error: unknown): never {
  if (error instanceof DomainError && error.field === 'tokenHash') throw refusalNaming(error, 'token');
  throw error;
}

/** Records that a request lapsed unconfirmed; a confirmation after `expiresAt` is refused either way. */
export class ExpireDoubleOptInCommand extends SubjectCommandOf<ExpireDoubleOptIn> {}

@CommandHandler(ExpireDoubleOptInCommand)
export class ExpireDoubleOptInHandler implements ICommandHandler<ExpireDoubleOptInCommand> {
  constructor(private readonly subjects: SubjectCommandRunner) {}

  execute({ subjectId, data, context }: ExpireDoubleOptInCommand): Promise<CommandResult> {
    return this.subjects.run(
      subjectId,
      { type: 'ExpireDoubleOptIn', data, metadata: this.subjects.subjectContext(context) },
      context,
    );
  }
}
