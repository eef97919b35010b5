import { governingHold, mapPersonalFields, retentionVerdict, subjectDecider, subjectStreamName, type RetentionTopic, type SubjectEvent, type SubjectState } from '#domain';
import type { SubjectCrypto } from '#crypto';
import type { EventStore } from '#event-store';
import type { CommandContext } from '../commands/command-context';
import type { CommandExecutor } from '../commands/command-executor';
import { subjectIdOf } from '../subjects/subject-codec';
import { erasedSubjectIds, readAllMatching } from './erased-subjects';
import type { ErasureOutcome, SubjectEraser } from './subject-eraser';
import { loadTopicRecords } from './topic-records';

/** Who would be erased and why: a lapsed retention period, or a deferral whose hold has ended. */
export interface ErasureCandidate {
  subjectId: string;
  why: 'retention' | 'hold_ended' | 'interrupted';
  reasons: string[];
}

const REDACTED = Object.freeze({ redacted: true });

/**
 * Art. 5(1)(e), 17(1)(a), 17(3): finds subjects whose purposes have all lapsed, and deferred
 * erasures whose hold has ended, and erases them. It never decrypts: the verdict needs dates,
 * topics and ids only, so personal fields are folded as redacted markers.
 */
export class RetentionSweep {
  constructor(
    private readonly store: EventStore,
    private readonly executor: CommandExecutor,
    private readonly eraser: SubjectEraser,
    private readonly crypto: SubjectCrypto,
  ) {}

  async plan(now: string): Promise<ErasureCandidate[]> {
    const erased = await erasedSubjectIds(this.store);
    const candidates: ErasureCandidate[] = [];
    for (const subjectId of await this.registeredSubjectIds()) {
      if (erased.has(subjectId)) continue;
      const candidate = await this.judge(subjectId, now);
      if (candidate !== undefined) candidates.push(candidate);
    }
    return candidates;
  }

  async run(now: string, actor = 'scheduler'): Promise<Array<ErasureCandidate & { outcome: ErasureOutcome['outcome'] }>> {
    const done = [];
    for (const candidate of await this.plan(now)) {
      const context: CommandContext = { actor, now };
      const { outcome } = await this.eraser.erase(candidate.subjectId, { cause: candidate.why === 'retention' ? 'retention' : 'controller' }, context);
      done.push({ ...candidate, outcome });
    }
    return done;
  }

  private async registeredSubjectIds(): Promise<string[]> {
    const ids: string[] = [];
    for await (const event of readAllMatching(this.store, { streamPrefixes: ['subject-'], eventTypes: ['SubjectRegistered'] })) {
      ids.push(subjectIdOf(event.stream));
    }
    return ids;
  }

  private async judge(subjectId: string, now: string): Promise<ErasureCandidate | undefined> {
    const state = await this.redactedState(subjectId);
    if (state.status !== 'registered') return undefined;
    // The key went but the process died before SubjectErased was appended: finish the record.
    if (await this.crypto.isShredded(subjectId)) return { subjectId, why: 'interrupted', reasons: ['the data key is destroyed but the erasure was not recorded'] };
    const deferral = state.pendingErasure?.deferral;
    if (deferral !== undefined) {
      if (governingHold(state, now) !== undefined) return undefined;
      return { subjectId, why: 'hold_ended', reasons: [`the erasure deferred by legal hold ${deferral.holdId} is due: the hold has ended`] };
    }
    const topics = await loadTopicRecords(this.executor, Object.values(state.consents).map((c) => c.scope.topicId));
    const views = new Map<string, RetentionTopic>([...topics].map(([id, record]) => [id, record.view]));
    const verdict = retentionVerdict(state, views, now);
    return verdict.lapsed ? { subjectId, why: 'retention', reasons: verdict.reasons } : undefined;
  }

  private async redactedState(subjectId: string): Promise<SubjectState> {
    const recorded = await this.store.readStream(subjectStreamName(subjectId));
    const events = recorded.map(({ type, data }) => mapPersonalFields({ type, data }, () => REDACTED) as unknown as SubjectEvent);
    return events.reduce(subjectDecider.evolve, subjectDecider.initialState());
  }
}
