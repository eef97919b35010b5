import { Inject, Injectable } from '@nestjs/common';
import { topicDecider, topicStreamName, type TopicCommand } from '#domain';
import { type AppConfig, APP_CONFIG } from '#runtime';
import type { CommandContext } from '../commands/command-context';
import { CommandExecutor } from '../commands/command-executor';
import type { CommandResult } from '../commands/command-result';
import { plainCodec } from '../commands/event-codec';

/** Load, decide, append on a topic's stream: what every topic command handler shares. */
@Injectable()
export class TopicCommandRunner {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Topic streams hold no personal data, so they are stored as they are (plainCodec). */
  run(topicId: string, command: TopicCommand, context: CommandContext): Promise<CommandResult> {
    return this.executor.execute({
      stream: topicStreamName(topicId),
      decider: topicDecider,
      command,
      codec: plainCodec,
      context,
    });
  }

  /** The time, and the configured channels a topic may allow. */
  metadata(context: CommandContext): { now: string; channels: readonly string[] } {
    return { now: context.now, channels: this.config.domain.channels };
  }
}
