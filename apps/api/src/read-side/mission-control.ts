import { Inject, Injectable } from '@nestjs/common';
import { ProjectionProgress } from '#projection-runtime';
import { READ_STORE } from '#runtime';
import {
  consentOverview,
  consentTrend,
  openRequestsByDueDate,
  READ_MODELS,
  requestsDue,
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

  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly progress: ProjectionProgress,
  ) {}

  /** The lowest checkpoint of the read models (re-read from the store: a projector may run elsewhere). */
  async position(): Promise<number> {
    await this.progress.refresh();
    return Math.min(...READ_MODELS.map((model) => this.progress.position(model.name)));
  }

  async figures(): Promise<MissionControlFigures> {
    const position = await this.position();
    const now = new Date().toISOString();
    const [overview, trend, requests, openRequests] = await Promise.all([
      consentOverview(this.store, now),
      consentTrend(this.store, now),
      requestsDue(this.store, this.collections, now),
      openRequestsByDueDate(this.store, this.collections, now),
    ]);
    return { position, computedAt: now, ...overview, trend, requests, openRequests };
  }
}
