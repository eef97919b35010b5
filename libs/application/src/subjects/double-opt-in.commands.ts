import { createHash, randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { findDoubleOptInByTokenHash, refusal, subjectDecider, subjectStreamName, type SubjectCommand } from '#domain';
import type { AppConfig } from '../config/app-config';
import type { CommandContext } from '../commands/command-context';
import { CommandExecutor } from '../commands/command-executor';
import type { CommandResult } from '../commands/command-result';
import { APP_CONFIG } from '../infrastructure/tokens';
import { TopicViews } from '../topics/topic-views';
import { DOUBLE_OPT_IN_TOKENS, type DoubleOptInTokens } from '../journeys/double-opt-in-token';
import { ExecuteSubjectCommand } from './execute-subject-command';
import { SubjectCodec } from './subject-codec';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The token names its subject (pseudonymous id) so a public link can be resolved; only its hash is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface DoubleOptInRequestInput {
  topicId: string;
  channel: string;
  contactPointId: string;
  textVersion: number;
  sourceSystem: string;
  formId?: string;
}

export class RequestDoubleOptInCommand {
  constructor(readonly subjectId: string, readonly input: DoubleOptInRequestInput, readonly context: CommandContext) {}
}

/** requestId, expiresAt and token come only with the first answer: the clear token exists nowhere else. */
export interface DoubleOptInIssued {
  result: CommandResult;
  requestId?: string;
  expiresAt?: string;
  token?: string;
}

@CommandHandler(RequestDoubleOptInCommand)
export class RequestDoubleOptInHandler implements ICommandHandler<RequestDoubleOptInCommand, DoubleOptInIssued> {
  constructor(
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DOUBLE_OPT_IN_TOKENS) private readonly tokens: DoubleOptInTokens,
  ) {}

  async execute({ subjectId, input, context }: RequestDoubleOptInCommand): Promise<DoubleOptInIssued> {
    const requestId = randomUUID();
    // Derived from (subject, request) under a master-derived key, so the mail outbox can rebuild it.
    const token = this.tokens.issue(subjectId, requestId);
    const expiresAt = new Date(Date.parse(context.now) + this.config.domain.doubleOptInTtlHours * 3_600_000).toISOString();
    const data = { ...input, requestId, tokenHash: hashToken(token), expiresAt };
    const result = await this.commands.execute<ExecuteSubjectCommand, CommandResult>(
      new ExecuteSubjectCommand(subjectId, { type: 'RequestDoubleOptIn', data }, context),
    );
    return result.replayed || result.events.length === 0 ? { result } : { result, requestId, expiresAt, token };
  }
}

export class ConfirmDoubleOptInCommand {
  constructor(readonly token: string, readonly evidence: { ipAddress?: string; userAgent?: string }, readonly context: CommandContext) {}
}

/** Public: the token is the credential. An unparseable token is as unknown as a wrong one. */
@CommandHandler(ConfirmDoubleOptInCommand)
export class ConfirmDoubleOptInHandler implements ICommandHandler<ConfirmDoubleOptInCommand, CommandResult & { subjectId: string }> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly topics: TopicViews,
    private readonly codec: SubjectCodec,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ token, evidence, context }: ConfirmDoubleOptInCommand): Promise<CommandResult & { subjectId: string }> {
    const subjectId = token.split('.')[0];
    if (!UUID.test(subjectId)) throw refusal('DOUBLE_OPT_IN.TOKEN_UNKNOWN', 'unknown double opt-in token', 'token');
    const stream = subjectStreamName(subjectId);
    const tokenHash = hashToken(token);
    const state = await this.executor.state(stream, subjectDecider, this.codec);
    const request = findDoubleOptInByTokenHash(state, tokenHash);
    const topic = request ? await this.topics.view(request.scope.topicId) : undefined;
    const metadata = { now: context.now, channels: this.config.domain.channels, topic };
    const command = { type: 'ConfirmDoubleOptIn', data: { tokenHash, ...evidence }, metadata } as SubjectCommand;
    const result = await this.executor.execute({ stream, decider: subjectDecider, command, codec: this.codec, context });
    return { ...result, subjectId };
  }
}
