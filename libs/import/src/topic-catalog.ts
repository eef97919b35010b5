import {
  TOPIC_STREAM_PREFIX,
  toTopicView,
  topicDecider,
  TopicEventType,
  topicStreamName,
  type TopicView,
} from '#domain';
import type { EventStore } from '#event-store';
import { type CommandExecutor, plainCodec } from '#application';

/**
 * Topic views for one import run, read from their streams as a live command reads them, once per
 * topic instead of once per record: a million consents name a handful of topics.
 */
export class TopicCatalog {
  private readonly views = new Map<string, Promise<TopicView | undefined>>();
  private profileFields?: Promise<string[]>;

  constructor(
    private readonly executor: CommandExecutor,
    private readonly store: EventStore,
    private readonly configuredProfileFields: readonly string[],
  ) {}

  view(topicId: string): Promise<TopicView | undefined> {
    let view = this.views.get(topicId);
    if (view === undefined) {
      view = this.executor
        .load(topicStreamName(topicId), topicDecider, plainCodec)
        .then(({ state }) => toTopicView(state));
      this.views.set(topicId, view);
    }
    return view;
  }

  /** Art. 5(1)(c): the profile schema plus every topic's personal fields, as live registration allows. */
  allowedProfileFields(): Promise<string[]> {
    this.profileFields ??= this.store
      .readAll({ filter: { streamPrefixes: [TOPIC_STREAM_PREFIX], eventTypes: [TopicEventType.TopicDefined] } })
      .then((events) => [
        ...new Set([
          ...this.configuredProfileFields,
          ...events.flatMap((e) => (e.data.personalFields as string[]) ?? []),
        ]),
      ]);
    return this.profileFields;
  }
}
