import type { ChangeKey, CheckpointMark, ReadStore } from '#read-store';
import { cellsOf, overviewOf, type ConsentOverview } from './consent-stats';
import {
  addShare,
  emptyCell,
  emptyPeople,
  nextExpiry,
  subjectShare,
  type Cell,
  type CellTally,
} from './consent-stats.tally';
import { ExpiryQueue } from './expiry-queue';
import type { SubjectProfileDocument } from './subject-profile.document';
import { SUBJECT_PROFILES, subjectProfileModel } from './subject-profile';
import { listTopics, type TopicReadView } from './topics';

/** What the figures rest on besides the documents, read from outside this package. */
export interface TallyLineage {
  /** Whether a checkpoint mark still names the event at its position in the log (see logMismatch). */
  belongsToLog(mark: CheckpointMark): Promise<boolean>;
  /**
   * The profiles' model version as stored: a reset for a new version, or a rebuild swapped in
   * under one, rewrites documents at positions the tally has already passed.
   */
  modelVersion(): Promise<number>;
}

const PAGE = 1_000;

/** The figures as of `base`, with what each subject adds to them and when the clock next changes that. */
class Tally {
  readonly tallies: CellTally[];
  readonly people = emptyPeople();
  private readonly shares = new Map<string, string>();
  /** Shares repeat (most people look alike), so each distinct one is kept once. */
  private readonly distinct = new Map<string, string>();
  readonly expiries = new ExpiryQueue();
  base: CheckpointMark = { position: 0 };
  version: number | undefined;
  cursor: ChangeKey | undefined;
  now = 0;

  constructor(
    readonly cells: readonly Cell[],
    readonly topics: string,
  ) {
    this.tallies = cells.map(emptyCell);
  }

  update(id: string, doc: SubjectProfileDocument, now: string): void {
    const old = this.shares.get(id);
    if (old !== undefined) addShare(old, this.tallies, this.people, -1);
    const made = subjectShare(doc, this.cells, now);
    const share = this.distinct.get(made) ?? (this.distinct.set(made, made), made);
    addShare(share, this.tallies, this.people, 1);
    this.shares.set(id, share);
    const next = nextExpiry(doc, now);
    this.expiries.schedule(id, next === undefined ? undefined : Date.parse(next));
  }
}

/**
 * The consent figures kept up to date from the subject profiles that changed since the last call
 * (ReadStore.changes) and those whose answer the clock changed (an expiry queue): per call, work in
 * proportion to what changed, not to the number of subjects. Each share is decided as in the full
 * pass (`consentOverview`), which the figures equal. Counted again from scratch only when what
 * they rest on moved under them: a topic changed (every cell of it may), the profiles' checkpoint
 * went back or no longer names an event of the log (a rebuild against another log), their stored
 * model version changed (a reset or a rebuild under another version), or the clock went back.
 */
export class IncrementalConsentOverview {
  private tally: Tally | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: ReadStore,
    private readonly lineage: TallyLineage,
  ) {}

  /** Calls run one after the other: each continues from where the previous one left the tally. */
  overview(now: string): Promise<ConsentOverview> {
    const next = this.running.catch(() => undefined).then(() => this.advance(now));
    this.running = next;
    return next;
  }

  private async advance(now: string): Promise<ConsentOverview> {
    try {
      const topics = await listTopics(this.store);
      // Read before the documents: every write at or below it is visible to the reads that follow.
      const mark = await this.store.getCheckpointMark(subjectProfileModel.name);
      const version = await this.lineage.modelVersion();
      const kept = this.tally?.version === version ? await this.continues(topics, mark, now) : undefined;
      const tally = kept ?? new Tally(cellsOf(topics), JSON.stringify(topics));
      this.tally = tally;
      await this.readChanges(tally, mark.position, now);
      await this.readDue(tally, now);
      tally.base = mark;
      tally.version = version;
      tally.now = Date.parse(now);
      return overviewOf(tally.cells, tally.tallies, tally.people);
    } catch (error) {
      // Half-applied pages cannot be told apart from applied ones: the next call counts afresh.
      this.tally = undefined;
      throw error;
    }
  }

  private async continues(topics: TopicReadView[], mark: CheckpointMark, now: string): Promise<Tally | undefined> {
    const tally = this.tally;
    if (!tally || tally.topics !== JSON.stringify(topics) || Date.parse(now) < tally.now) return undefined;
    const { base } = tally;
    if (mark.position < base.position) return undefined;
    if (mark.position === base.position) return mark.eventId === base.eventId ? tally : undefined;
    return base.position === 0 || (await this.lineage.belongsToLog(base)) ? tally : undefined;
  }

  private async readChanges(tally: Tally, until: number, now: string): Promise<void> {
    let more = true;
    while (more) {
      const page = await this.store.changes<SubjectProfileDocument>(SUBJECT_PROFILES, {
        after: tally.cursor,
        until,
        limit: PAGE,
      });
      for (const item of page.items) tally.update(item.id, item.doc, now);
      const last = page.items[page.items.length - 1];
      if (last) tally.cursor = { position: last.position, id: last.id };
      more = page.next !== undefined;
    }
  }

  private async readDue(tally: Tally, now: string): Promise<void> {
    const ids = tally.expiries.takeDue(Date.parse(now));
    for (let i = 0; i < ids.length; i += PAGE) {
      const docs = await this.store.getMany<SubjectProfileDocument>(SUBJECT_PROFILES, ids.slice(i, i + PAGE));
      for (const item of docs) tally.update(item.id, item.doc, now);
    }
  }
}
