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

  /** The subject's contactability row (see CONTACTABILITY_ROWS), written with its profile. */
  profile(subjectId: string): Promise<ContactabilityProfile | undefined> {
    return this.profiles.get(subjectId, (id) => getContactabilityRow(this.store, id));
  }

  topic(topicId: string): Promise<TopicReadView | undefined> {
    return this.topics.get(topicId, (id) => getTopic(this.store, id));
  }
}
