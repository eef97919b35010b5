import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { topicDecider, topicStreamName, type TopicCommand } from '#domain';
import type { AppConfig } from '../config/app-config';
import type { CommandContext } from '../commands/command-context';
import { CommandExecutor } from '../commands/command-executor';
import type { CommandResult } from '../commands/command-result';
import { plainCodec } from '../commands/event-codec';
import { APP_CONFIG } from '../infrastructure/tokens';

type WithoutMetadata<C> = C extends unknown ? Omit<C, 'metadata'> : never;

export class ExecuteTopicCommand {
  constructor(
    readonly topicId: string,
    readonly command: WithoutMetadata<TopicCommand>,
    readonly context: CommandContext,
  ) {}
}

/** Topic streams hold no personal data, so they are stored as they are (plainCodec). */
@CommandHandler(ExecuteTopicCommand)
export class ExecuteTopicCommandHandler implements ICommandHandler<ExecuteTopicCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ topicId, command, context }: ExecuteTopicCommand): Promise<CommandResult> {
    const metadata = { now: context.now, channels: this.config.domain.channels };
    return this.executor.execute({
      stream: topicStreamName(topicId),
      decider: topicDecider,
      command: { ...command, metadata } as TopicCommand,
      codec: plainCodec,
      context,
    });
  }
}
