import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  TOPIC_STREAM_PREFIX,
  toTopicDetail,
  toTopicView,
  topicDecider,
  TopicEventType,
  topicStreamName,
  type TopicDetail,
  type TopicView,
} from '#domain';
import type { EventStore, Subscription } from '#event-store';
import { type AppConfig, APP_CONFIG, EVENT_STORE } from '#runtime';
import { CommandExecutor } from '../commands/command-executor';
import { plainCodec } from '../commands/event-codec';

/**
 * Topic views for command context. A single topic is read from its stream (exact, never stale: the
 * executor's cached fold is first brought up to date with the store, so a retirement by another
 * process is seen at once); the union of the profile fields all topics need is kept live from the
 * log (Art. 5(1)(c): a subject may hold only what the profile schema or a topic asks for).
 */
@Injectable()
export class TopicViews implements OnModuleInit, OnModuleDestroy {
  private readonly topicFields = new Map<string, readonly string[]>();
  private subscription?: Subscription;

  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async view(topicId: string): Promise<TopicView | undefined> {
    return toTopicView(await this.executor.state(topicStreamName(topicId), topicDecider, plainCodec));
  }

  /** The view with the purpose, as `GET /topics/:id` answers it. */
  async detail(topicId: string): Promise<TopicDetail | undefined> {
    return toTopicDetail(await this.executor.state(topicStreamName(topicId), topicDecider, plainCodec));
  }

  /**
   * The text version at `revision` of the topic's stream, as a publish answers it: the version it
   * appended there, or the current one it found unchanged (the stream's head then). Read from the
   * event itself, so a publish that races another still answers its own number.
   */
  async versionAt(topicId: string, revision: number): Promise<number | undefined> {
    const [event] = await this.store.readStream(topicStreamName(topicId), { fromRevision: revision, maxCount: 1 });
    return event?.type === TopicEventType.ConsentTextVersionPublished ? Number(event.data.version) : undefined;
  }

  allowedProfileFields(): string[] {
    return [...new Set([...this.config.domain.profileFields, ...[...this.topicFields.values()].flat()])];
  }

  onModuleInit(): void {
    const filter = { streamPrefixes: [TOPIC_STREAM_PREFIX], eventTypes: [TopicEventType.TopicDefined] };
    this.subscription = this.store.subscribeToAll({ filter }, (events) => {
      for (const { data } of events)
        this.topicFields.set(String(data.topicId), (data.personalFields as string[]) ?? []);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.close();
  }
}
