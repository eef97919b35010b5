import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, READ_STORE, type AppConfig } from '#runtime';
import {
  getContactabilityRow,
  getTopic,
  subjectProfileModel,
  topicsModel,
  type ContactabilityProfile,
  type TopicReadView,
} from '#projections';
import type { ReadStore } from '#read-store';
import { CheckpointedCache } from './checkpointed-cache';

/** Topics are few; the bound only guards against ids that are never defined. */
const TOPIC_CAPACITY = 1_000;

/**
 * The two documents a single contactability check rests on, parsed once and kept while their
 * model's checkpoint stands (see CheckpointedCache). Values are shared between requests, so
 * nothing that receives them may change them: decideContactability is pure.
 */
@Injectable()
export class ContactabilityReads {
  private readonly profiles: CheckpointedCache<ContactabilityProfile>;
  private readonly topics: CheckpointedCache<TopicReadView>;

  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // CONTACTABILITY_CACHE_PROFILES: the subjects a journey engine checks between two projection commits.
    this.profiles = new CheckpointedCache(store, subjectProfileModel.name, config.projections.profileCacheEntries);
    this.topics = new CheckpointedCache(store, topicsModel.name, TOPIC_CAPACITY);
  }

  /**
   * The subject's contactability row (see CONTACTABILITY_ROWS) and the topic, both checked against
   * one write stamp: taking it is a statement, and a commit after it only costs the next check a
   * checkpoint read.
   */
  inputs(subjectId: string, topicId: string): Promise<[ContactabilityProfile | undefined, TopicReadView | undefined]> {
    const stamp = this.store.writeStamp();
    return Promise.all([
      this.profiles.get(subjectId, this.loadRow, stamp),
      this.topics.get(topicId, this.loadTopic, stamp),
    ]);
  }

  private readonly loadRow = (id: string) => getContactabilityRow(this.store, id);
  private readonly loadTopic = (id: string) => getTopic(this.store, id);
}
