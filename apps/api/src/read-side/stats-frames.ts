import { Injectable, type MessageEvent } from '@nestjs/common';
import { defer, exhaustMap, filter, from, interval, map, type Observable, shareReplay, startWith } from 'rxjs';
import { MissionControl, type MissionControlFigures } from './mission-control';

/** A change shows within a second: the projections' position is polled this often. */
export const STATS_POLL_MS = 250;

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
      return interval(STATS_POLL_MS).pipe(
        startWith(0),
        exhaustMap(() => from(this.changedFigures(last))),
        filter((figures): figures is MissionControlFigures => figures !== undefined),
        map((figures): MessageEvent => {
          last = figures.position;
          return { type: 'stats', id: String(figures.position), data: JSON.stringify(figures) };
        }),
      );
    }).pipe(shareReplay({ bufferSize: 1, refCount: true }));
  }

  private async changedFigures(last: number): Promise<MissionControlFigures | undefined> {
    if ((await this.missionControl.position()) === last) return undefined;
    return this.missionControl.figures();
  }
}
