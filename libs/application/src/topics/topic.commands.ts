import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DefineTopic, PublishConsentTextVersion, RetireTopic } from '#domain';
import type { CommandResult } from '../commands/command-result';
import { TopicCommandOf } from './topic-command-of';
import { TopicCommandRunner } from './topic-command-runner';
import { TopicViews } from './topic-views';

/** A purpose (Art. 5(1)(b)) with its channels, legal basis, personal fields and retention. */
export class DefineTopicCommand extends TopicCommandOf<DefineTopic> {}

@CommandHandler(DefineTopicCommand)
export class DefineTopicHandler implements ICommandHandler<DefineTopicCommand> {
  constructor(private readonly topics: TopicCommandRunner) {}

  execute({ topicId, data, context }: DefineTopicCommand): Promise<CommandResult> {
    return this.topics.run(topicId, { type: 'DefineTopic', data, metadata: this.topics.metadata(context) }, context);
  }
}

export type VersionPublished = CommandResult & { version: number };

/** Art. 7(1): the text a consent was given to; a material change asks existing consents again. */
export class PublishConsentTextVersionCommand extends TopicCommandOf<PublishConsentTextVersion, VersionPublished> {}

@CommandHandler(PublishConsentTextVersionCommand)
export class PublishConsentTextVersionHandler implements ICommandHandler<PublishConsentTextVersionCommand> {
  constructor(
    private readonly topics: TopicCommandRunner,
    private readonly views: TopicViews,
  ) {}

  /** Answers the version number: a consent names the version it was given to (Art. 7(1)). */
  async execute({ topicId, data, context }: PublishConsentTextVersionCommand): Promise<VersionPublished> {
    const result = await this.topics.run(
      topicId,
      { type: 'PublishConsentTextVersion', data, metadata: this.topics.metadata(context) },
      context,
    );
    return { ...result, version: (await this.views.versionAt(topicId, result.revision))! };
  }
}

export class RetireTopicCommand extends TopicCommandOf<RetireTopic> {}

@CommandHandler(RetireTopicCommand)
export class RetireTopicHandler implements ICommandHandler<RetireTopicCommand> {
  constructor(private readonly topics: TopicCommandRunner) {}

  execute({ topicId, data, context }: RetireTopicCommand): Promise<CommandResult> {
    return this.topics.run(topicId, { type: 'RetireTopic', data, metadata: this.topics.metadata(context) }, context);
  }
}
