import { Inject, Injectable } from '@nestjs/common';
import {
  subjectDecider,
  subjectStreamName,
  type ProfileContext,
  type SubjectCommand,
  type SubjectContext,
  type SubjectState,
  type TopicContext,
} from '#domain';
import { type AppConfig, APP_CONFIG } from '#runtime';
import type { CommandContext } from '../commands/command-context';
import { CommandExecutor } from '../commands/command-executor';
import type { CommandResult } from '../commands/command-result';
import { TopicViews } from '../topics/topic-views';
import { SubjectCodec } from './subject-codec';

/**
 * What every subject command handler shares: the metadata its decider needs, and load, decide,
 * append on the subject's stream (encrypted by SubjectCodec). Each handler states its command in full.
 */
@Injectable()
export class SubjectCommandRunner {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly topics: TopicViews,
    private readonly codec: SubjectCodec,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  run(subjectId: string, command: SubjectCommand, context: CommandContext): Promise<CommandResult> {
    return this.executor.execute({
      stream: subjectStreamName(subjectId),
      decider: subjectDecider,
      command,
      codec: this.codec,
      context,
    });
  }

  state(subjectId: string): Promise<SubjectState> {
    return this.executor.state(subjectStreamName(subjectId), subjectDecider, this.codec);
  }

  subjectContext(context: CommandContext): SubjectContext {
    return { now: context.now, channels: this.config.domain.channels };
  }

  /** Without a topic id (a scope of another kind) there is no view, and the decider asks for none. */
  async topicContext(topicId: string | undefined, context: CommandContext): Promise<TopicContext> {
    return {
      ...this.subjectContext(context),
      topic: topicId === undefined ? undefined : await this.topics.view(topicId),
    };
  }

  profileContext(context: CommandContext): ProfileContext {
    return { ...this.subjectContext(context), allowedProfileFields: this.topics.allowedProfileFields() };
  }
}

/**
 * The topic an objection or block scope names; only a topic scope (or an objection to profiling
 * for one topic) needs the topic's view. A body without a scope gets past the edge's validation
 * and is refused by the decider, naming the field.
 */
export function topicOfScope(scope: { kind: string; topicId?: string } | undefined): string | undefined {
  return scope?.kind === 'topic' || scope?.kind === 'profiling' ? scope.topicId : undefined;
}
