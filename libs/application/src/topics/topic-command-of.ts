import { Command } from '@nestjs/cqrs';
import type { TopicCommand } from '#domain';
import type { CommandContext } from '../commands/command-context';
import type { CommandResult } from '../commands/command-result';

/** What a topic command carries from its sender; `extends TopicCommandOf<DefineTopic>` names the domain command. */
export abstract class TopicCommandOf<C extends TopicCommand, Result = CommandResult> extends Command<Result> {
  constructor(
    readonly topicId: string,
    readonly data: C['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}
