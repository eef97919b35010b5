import { Inject, Injectable } from '@nestjs/common';
import { listTopics } from '#projections';
import type { ReadStore } from '#read-store';
import { READ_STORE } from '#runtime';
import { CommandExecutor } from '../commands/command-executor';
import { loadTopicRecords } from '../privacy/topic-records';
import { SubjectCommandRunner } from '../subjects/subject-command-runner';
import { privacyCenterView, type PrivacyCenterView } from './privacy-center-view';

/**
 * The person's page: their state from their own stream (never a lagging read model: the click they
 * just made must show), every active topic on offer and any retired one they once agreed to, each
 * with the exact text of its current version read from the topic's log.
 */
@Injectable()
export class PrivacyCenterOverview {
  constructor(
    private readonly subjects: SubjectCommandRunner,
    private readonly executor: CommandExecutor,
    @Inject(READ_STORE) private readonly store: ReadStore,
  ) {}

  /** Undefined once the subject is gone (erased): the session ends with them. */
  async of(subjectId: string, now: string): Promise<PrivacyCenterView | undefined> {
    const state = await this.subjects.state(subjectId);
    if (state.status !== 'registered') return undefined;
    const offered = (await listTopics(this.store)).filter((topic) => topic.status === 'active').map((t) => t.id);
    const agreed = Object.values(state.consents).map((record) => record.scope.topicId);
    const records = await loadTopicRecords(this.executor, [...offered, ...agreed]);
    return privacyCenterView(state, [...records.values()], now);
  }

  /** The subject's language, or undefined once they are gone: an erased subject's sessions and links are dead. */
  async localeOf(subjectId: string): Promise<string | undefined> {
    const state = await this.subjects.state(subjectId);
    return state.status === 'registered' ? state.locale : undefined;
  }
}
