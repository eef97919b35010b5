import { Inject, Injectable } from '@nestjs/common';
import { ProjectionProgress } from '#projection-runtime';
import { READ_STORE } from '#runtime';
import {
  consentFigures,
  openRequestsByDueDate,
  READ_MODELS,
  type ConsentFigures,
  type RequestsDue,
} from '#projections';
import type { ReadStore } from '#read-store';

export type MissionControlFigures = {
  /** Every read model has folded the log up to here: the figures include all events at or below it. */
  position: number;
  computedAt: string;
  consents: ConsentFigures[];
  openRequests: RequestsDue[];
};

/** The figures of the Mission Control dashboard, computed from indexed counts on demand. */
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
    const [consents, openRequests] = await Promise.all([
      consentFigures(this.store, now),
      openRequestsByDueDate(this.store, this.collections, now),
    ]);
    return { position, computedAt: now, consents, openRequests };
  }
}
