import { Injectable, type MessageEvent } from '@nestjs/common';
import { defer, exhaustMap, filter, from, interval, map, type Observable, shareReplay, startWith } from 'rxjs';
import { MissionControl, type MissionControlFigures } from './mission-control';

/** A change shows within a second: the projections' position is polled this often. */
export const STATS_POLL_MS = 250;
/**
 * A frame reads only the profiles changed since the last one, but the first frame and a topic's
 * change count every profile again: after a computation of d ms the next starts no sooner than
 * PASS_SPACING x d ms after it began, so such a count takes at most a 1/PASS_SPACING share of a core.
 */
export const PASS_SPACING = 4;

/**
 * The `stats` frames of every open /stats/stream, computed once per change and shared: one poll of
 * the read models' position for all streams, the figures computed (and serialised) only when it
 * moved, and the last frame replayed to a stream that opens later. With no stream open nothing polls.
 */
@Injectable()
export class StatsFrames {
  readonly frames: Observable<MessageEvent>;

  constructor(private readonly missionControl: MissionControl) {
    this.frames = defer(() => {
      let last = -1;
      const pass = { startedAt: 0, took: 0 };
      return interval(STATS_POLL_MS).pipe(
        startWith(0),
        filter(() => Date.now() - pass.startedAt >= PASS_SPACING * pass.took),
        exhaustMap(() => from(this.changedFigures(last, pass))),
        filter((figures): figures is MissionControlFigures => figures !== undefined),
        map((figures): MessageEvent => {
          last = figures.position;
          return { type: 'stats', id: String(figures.position), data: JSON.stringify(figures) };
        }),
      );
    }).pipe(shareReplay({ bufferSize: 1, refCount: true }));
  }

  private async changedFigures(
    last: number,
    pass: { startedAt: number; took: number },
  ): Promise<MissionControlFigures | undefined> {
    if ((await this.missionControl.position()) === last) return undefined;
    pass.startedAt = Date.now();
    const figures = await this.missionControl.figures();
    pass.took = Date.now() - pass.startedAt;
    return figures;
  }
}
