import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { refusal, subjectDecider, subjectStreamName } from '#domain';
import {
  type CommandContext,
  TopicViews,
  CommandExecutor,
  RaiseObjectionCommand,
  RevokeConsentCommand,
  SubjectCodec,
} from '#application';
import { type AppConfig, APP_CONFIG } from '#runtime';
import { unsubscribePlan, type UnsubscribeStep } from './unsubscribe-plan';
import { UnsubscribeTokens, type UnsubscribeClaim } from './unsubscribe-token';

export interface UnsubscribeOutcome {
  subjectId: string;
  topicId: string;
  channel: string;
  /** Domain event types recorded by this click; empty when an earlier click already did it all. */
  recorded: string[];
  position: number;
}

/** Glue: load the subject, plan (pure), run each planned command through the usual handler. */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly commands: CommandBus,
    private readonly executor: CommandExecutor,
    private readonly codec: SubjectCodec,
  ) {}

  async unsubscribe(claim: UnsubscribeClaim, context: CommandContext): Promise<UnsubscribeOutcome> {
    const { state } = await this.executor.load(subjectStreamName(claim.subjectId), subjectDecider, this.codec);
    const recorded: string[] = [];
    let position = 0;
    for (const step of unsubscribePlan(state, claim.topicId, claim.channel)) {
      const result = await this.commands.execute(commandFor(claim.subjectId, step, context));
      recorded.push(...result.events.map((event) => event.type));
      position = Math.max(position, result.position);
    }
    return { subjectId: claim.subjectId, topicId: claim.topicId, channel: claim.channel, recorded, position };
  }
}

/** Each planned step goes to its own command's handler, exactly as the same command from a route. */
function commandFor(
  subjectId: string,
  step: UnsubscribeStep,
  context: CommandContext,
): RaiseObjectionCommand | RevokeConsentCommand {
  switch (step.type) {
    case 'RaiseObjection':
      return new RaiseObjectionCommand(subjectId, step.data, context);
    case 'RevokeConsent':
      return new RevokeConsentCommand(subjectId, step.data, context);
    default: {
      const unreachable: never = step;
      return unreachable;
    }
  }
}

export interface UnsubscribeLink {
  url: string;
  /** Null unless the link was issued with ttlDays. */
  expiresAt: string | null;
  /** Ready for the marketing mail's header (RFC 2369, RFC 8058). */
  headers: { 'List-Unsubscribe': string; 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** Mints one-click links for subjects and topics that exist, on a channel the topic allows. */
@Injectable()
export class UnsubscribeLinks {
  constructor(
    private readonly topics: TopicViews,
    private readonly executor: CommandExecutor,
    private readonly codec: SubjectCodec,
    private readonly tokens: UnsubscribeTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(
    request: { subjectId: string; topicId: string; channel: string; ttlDays?: number },
    now: Date,
  ): Promise<UnsubscribeLink> {
    const topic = await this.topics.view(request.topicId);
    if (!topic) throw refusal('TOPIC.NOT_FOUND', `no topic ${request.topicId}`, 'topicId');
    if (!topic.allowedChannels.includes(request.channel))
      throw refusal(
        'TOPIC.CHANNEL_NOT_ALLOWED',
        `topic ${topic.id} allows ${topic.allowedChannels.join(', ')}`,
        'channel',
      );
    const { state } = await this.executor.load(subjectStreamName(request.subjectId), subjectDecider, this.codec);
    if (state.status === 'not_registered')
      throw refusal('SUBJECT.NOT_FOUND', `no subject ${request.subjectId}`, 'subjectId');
    const expiresAt =
      request.ttlDays === undefined ? undefined : Math.floor(now.getTime() / 1000) + request.ttlDays * 86_400;
    const token = this.tokens.sign({
      subjectId: request.subjectId,
      topicId: topic.id,
      channel: request.channel,
      expiresAt,
    });
    const url = `${this.config.journeys.publicBaseUrl}/unsubscribe?token=${token}`;
    return {
      url,
      expiresAt: expiresAt === undefined ? null : new Date(expiresAt * 1000).toISOString(),
      headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  }
}
