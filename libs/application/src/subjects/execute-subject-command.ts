import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { subjectDecider, subjectStreamName, type SubjectCommand } from '#domain';
import type { AppConfig } from '../config/app-config';
import type { CommandContext } from '../commands/command-context';
import { CommandExecutor } from '../commands/command-executor';
import type { CommandResult } from '../commands/command-result';
import { APP_CONFIG } from '../infrastructure/tokens';
import { TopicViews } from '../topics/topic-views';
import { SubjectCodec } from './subject-codec';

type WithoutMetadata<C> = C extends unknown ? Omit<C, 'metadata'> : never;

/** A subject command as the edge states it; the handler adds the context the decider needs. */
export type SubjectCommandInput = WithoutMetadata<SubjectCommand>;

export class ExecuteSubjectCommand {
  constructor(
    readonly subjectId: string,
    readonly command: SubjectCommandInput,
    readonly context: CommandContext,
  ) {}
}

/** The topic a command is about, whether named directly or as an objection or block scope. */
export function topicIdOf(command: SubjectCommandInput): string | undefined {
  const data = command.data as { topicId?: unknown; scope?: { kind?: unknown; topicId?: unknown } };
  if (typeof data.topicId === 'string') return data.topicId;
  return data.scope?.kind === 'topic' && typeof data.scope.topicId === 'string' ? data.scope.topicId : undefined;
}

@CommandHandler(ExecuteSubjectCommand)
export class ExecuteSubjectCommandHandler implements ICommandHandler<ExecuteSubjectCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly topics: TopicViews,
    private readonly codec: SubjectCodec,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ subjectId, command, context }: ExecuteSubjectCommand): Promise<CommandResult> {
    const topicId = topicIdOf(command);
    const metadata = {
      now: context.now,
      channels: this.config.domain.channels,
      topic: topicId === undefined ? undefined : await this.topics.view(topicId),
      allowedProfileFields: this.topics.allowedProfileFields(),
    };
    return this.executor.execute({
      stream: subjectStreamName(subjectId),
      decider: subjectDecider,
      command: { ...command, metadata } as SubjectCommand,
      codec: this.codec,
      context,
    });
  }
}
