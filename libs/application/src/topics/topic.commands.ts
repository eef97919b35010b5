import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DefineTopic, PublishConsentTextVersion, RetireTopic } from '#domain';
import type { CommandContext } from '../commands/command-context';
import type { CommandResult } from '../commands/command-result';
import { TopicCommandRunner } from './topic-command-runner';

/** A purpose (Art. 5(1)(b)) with its channels, legal basis, personal fields and retention. */
export class DefineTopicCommand extends Command<CommandResult> {
  constructor(readonly topicId: string, readonly data: DefineTopic['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(DefineTopicCommand)
export class DefineTopicHandler implements ICommandHandler<DefineTopicCommand> {
  constructor(private readonly topics: TopicCommandRunner) {}

  execute({ topicId, data, context }: DefineTopicCommand): Promise<CommandResult> {
    return this.topics.run(topicId, { type: 'DefineTopic', data, metadata: this.topics.metadata(context) }, context);
  }
}

/** Art. 7(1): the text a consent was given to; a material change asks existing consents again. */
export class PublishConsentTextVersionCommand extends Command<CommandResult> {
  constructor(readonly topicId: string, readonly data: PublishConsentTextVersion['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(PublishConsentTextVersionCommand)
export class PublishConsentTextVersionHandler implements ICommandHandler<PublishConsentTextVersionCommand> {
  constructor(private readonly topics: TopicCommandRunner) {}

  execute({ topicId, data, context }: PublishConsentTextVersionCommand): Promise<CommandResult> {
    return this.topics.run(topicId, { type: 'PublishConsentTextVersion', data, metadata: this.topics.metadata(context) }, context);
  }
}

export class RetireTopicCommand extends Command<CommandResult> {
  constructor(readonly topicId: string, readonly data: RetireTopic['data'], readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(RetireTopicCommand)
export class RetireTopicHandler implements ICommandHandler<RetireTopicCommand> {
  constructor(private readonly topics: TopicCommandRunner) {}

  execute({ topicId, data, context }: RetireTopicCommand): Promise<CommandResult> {
    return this.topics.run(topicId, { type: 'RetireTopic', data, metadata: this.topics.metadata(context) }, context);
  }
}
