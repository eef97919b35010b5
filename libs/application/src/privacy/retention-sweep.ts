import {
  changesRetention,
  governingHold,
  mapPersonalFields,
  nextRetentionReview,
  retentionVerdict,
  SUBJECT_STREAM_PREFIX,
  subjectDecider,
  SubjectEventType,
  subjectIdOf,
  subjectStreamName,
  TOPIC_STREAM_PREFIX,
  type RetentionTopic,
  type SubjectEvent,
  type SubjectState,
  type TopicEvent,
} from '#domain';
import type { SubjectCrypto } from '#crypto';
import type { EventStore } from '#event-store';
import type { CommandContext } from '../commands/command-context';
import type { CommandExecutor } from '../commands/command-executor';
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
 * By default a process passes over every subject once, at its first sweep (and after a topic
 * event): the reviews kept from then on are exact (nextRetentionReview), and a periodic full pass
 * would cost a read of every subject's stream however little was due.
 */
const FULL_PASS_EVERY_MS = Number.POSITIVE_INFINITY;
/** Subjects judged between two turns of the event loop, so the api keeps answering during a pass. */
const YIELD_EVERY = 200;

/**
 * Art. 5(1)(e), 17(1)(a), 17(3): finds subjects whose purposes have all lapsed, and deferred
 * erasures whose hold has ended, and erases them. It never decrypts: the verdict needs dates,
 * topics and ids only, so personal fields are folded as redacted markers.
 *
 * After its first (full) pass a sweep judges again only the subjects that have new events, and
 * those whose next review (nextRetentionReview: a hold's end, an expiry, a retention period's
 * end) has come; a topic event that can change a verdict (changesRetention: a definition, a
 * material text version) makes the next pass full. With a CRM imported (hundreds of thousands of
 * subjects, nearly all with consents in force) a pass then reads a handful of streams, not all.
 */
export class RetentionSweep {
  private cursor = 0;
  private lastFullPass = Number.NEGATIVE_INFINITY;
  /** Subjects judged not due, by the instant (ms) they must be judged again. */
  private readonly reviews = new Map<string, number>();

  constructor(
    private readonly store: EventStore,
    private readonly executor: CommandExecutor,
    private readonly eraser: SubjectEraser,
    private readonly crypto: SubjectCrypto,
    private readonly fullPassEveryMs = FULL_PASS_EVERY_MS,
  ) {}

  async plan(now: string): Promise<ErasureCandidate[]> {
    const head = await this.store.headPosition();
    const nowMs = Date.parse(now);
    const full = nowMs - this.lastFullPass >= this.fullPassEveryMs || (await this.topicsChanged());
    const subjects = full ? await this.everySubject() : await this.dueSubjects(nowMs);
    if (full) this.reviews.clear();
    const candidates: ErasureCandidate[] = [];
    let judged = 0;
    for (const subjectId of subjects) {
      if (++judged % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      const { candidate, reviewAt } = await this.judge(subjectId, now);
      if (candidate !== undefined) candidates.push(candidate);
      // A candidate stays due until its erasure is in the log, in case carrying it out fails.
      if (candidate !== undefined) this.reviews.set(subjectId, nowMs);
      else if (reviewAt === undefined) this.reviews.delete(subjectId);
      else this.reviews.set(subjectId, Date.parse(reviewAt));
    }
    // Events appended from here on are after the cursor: the next pass looks at their subjects.
    this.cursor = head;
    if (full) this.lastFullPass = nowMs;
    return candidates;
  }

  async run(
    now: string,
    actor = 'scheduler',
  ): Promise<Array<ErasureCandidate & { outcome: ErasureOutcome['outcome'] }>> {
    const done = [];
    for (const candidate of await this.plan(now)) {
      const context: CommandContext = { actor, now };
      const { outcome } = await this.eraser.erase(
        candidate.subjectId,
        { cause: candidate.why === 'retention' ? 'retention' : 'controller' },
        context,
      );
      done.push({ ...candidate, outcome });
    }
    return done;
  }

  private async everySubject(): Promise<string[]> {
    const erased = await erasedSubjectIds(this.store);
    const ids: string[] = [];
    for await (const event of readAllMatching(this.store, {
      streamPrefixes: [SUBJECT_STREAM_PREFIX],
      eventTypes: [SubjectEventType.SubjectRegistered],
    })) {
      const subjectId = subjectIdOf(event.stream);
      if (!erased.has(subjectId)) ids.push(subjectId);
    }
    return ids;
  }

  /** Subjects with events since the last pass, and those whose review has come. */
  private async dueSubjects(nowMs: number): Promise<Set<string>> {
    const due = new Set<string>();
    for await (const event of readAllMatching(this.store, { streamPrefixes: [SUBJECT_STREAM_PREFIX] }, this.cursor))
      due.add(subjectIdOf(event.stream));
    for (const [subjectId, at] of this.reviews) if (at <= nowMs) due.add(subjectId);
    return due;
  }

  /** A topic event since the last pass that can change a retention verdict: every subject may be affected. */
  private async topicsChanged(): Promise<boolean> {
    const filter = { streamPrefixes: [TOPIC_STREAM_PREFIX] };
    for await (const event of readAllMatching(this.store, filter, this.cursor))
      if (changesRetention(event as unknown as TopicEvent)) return true;
    return false;
  }

  private async judge(subjectId: string, now: string): Promise<{ candidate?: ErasureCandidate; reviewAt?: string }> {
    const state = await this.redactedState(subjectId);
    if (state.status !== 'registered') return {};
    // The key went but the process died before SubjectErased was appended: finish the record.
    if (await this.crypto.isShredded(subjectId))
      return {
        candidate: {
          subjectId,
          why: 'interrupted',
          reasons: ['the data key is destroyed but the erasure was not recorded'],
        },
      };
    const topics = await loadTopicRecords(
      this.executor,
      Object.values(state.consents).map((c) => c.scope.topicId),
    );
    const views = new Map<string, RetentionTopic>([...topics].map(([id, record]) => [id, record.view]));
    const reviewAt = nextRetentionReview(state, views, now);
    const deferral = state.pendingErasure?.deferral;
    if (deferral !== undefined) {
      if (governingHold(state, now) !== undefined) return { reviewAt };
      return {
        candidate: {
          subjectId,
          why: 'hold_ended',
          reasons: [`the erasure deferred by legal hold ${deferral.holdId} is due: the hold has ended`],
        },
      };
    }
    const verdict = retentionVerdict(state, views, now);
    return verdict.lapsed ? { candidate: { subjectId, why: 'retention', reasons: verdict.reasons } } : { reviewAt };
  }

  private async redactedState(subjectId: string): Promise<SubjectState> {
    const recorded = await this.store.readStream(subjectStreamName(subjectId));
    const events = recorded.map(
      ({ type, data }) => mapPersonalFields({ type, data }, () => REDACTED) as unknown as SubjectEvent,
    );
    return events.reduce(subjectDecider.evolve, subjectDecider.initialState());
  }
}
