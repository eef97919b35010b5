import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '#event-store';
import { logMismatch, ProjectionProgress, versionKey } from '#projection-runtime';
import { EVENT_STORE, READ_STORE } from '#runtime';
import {
  consentTrend,
  IncrementalConsentOverview,
  openRequestsByDueDate,
  READ_MODELS,
  requestsDue,
  subjectProfileModel,
  type ActivityDay,
  type ConsentFigures,
  type PeopleFigures,
  type RequestsDue,
  type RequestsDuePanel,
} from '#projections';
import type { ReadStore } from '#read-store';

export type MissionControlFigures = {
  /** Every read model has folded the log up to here: the figures include all events at or below it. */
  position: number;
  computedAt: string;
  /** Distinct people: each person counted once, whatever number of topics and channels they touch. */
  people: PeopleFigures;
  consents: ConsentFigures[];
  /** Grants, revocations and blocks per day, the last 30 days (UTC), oldest first. */
  trend: ActivityDay[];
  requests: RequestsDuePanel;
  openRequests: RequestsDue[];
};

/** The figures of the Mission Control dashboard, computed from the read models on demand. */
@Injectable()
export class MissionControl {
  private readonly collections = READ_MODELS.flatMap((model) => model.collections);
  /** Follows the changed profiles: a frame costs what changed since the last one, not a pass over everyone. */
  private readonly consents: IncrementalConsentOverview;

  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(EVENT_STORE) eventStore: EventStore,
    private readonly progress: ProjectionProgress,
  ) {
    this.consents = new IncrementalConsentOverview(store, {
      belongsToLog: async (mark) => (await logMismatch(eventStore, mark)) === undefined,
      modelVersion: () => store.getCheckpoint(versionKey(subjectProfileModel.name)),
    });
  }

  /** The lowest checkpoint of the read models (re-read from the store: a projector may run elsewhere). */
  async position(): Promise<number> {
    await this.progress.refresh();
    return Math.min(...READ_MODELS.map((model) => this.progress.position(model.name)));
  }

  async figures(): Promise<MissionControlFigures> {
    const position = await this.position();
    const now = new Date().toISOString();
    const [overview, trend, requests, openRequests] = await Promise.all([
      this.consents.overview(now),
      consentTrend(this.store, now),
      requestsDue(this.store, this.collections, now),
      openRequestsByDueDate(this.store, this.collections, now),
    ]);
    return { position, computedAt: now, ...overview, trend, requests, openRequests };
  }
}
