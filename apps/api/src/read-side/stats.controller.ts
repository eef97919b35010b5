import { Controller, Get, type MessageEvent, Sse } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { defer, exhaustMap, filter, from, interval, map, merge, type Observable, startWith } from 'rxjs';
import { Roles } from '../auth';
import { MissionControl, type MissionControlFigures } from './mission-control';
import { ReadYourWrites } from './read-your-writes';
import { Operation } from '../http/openapi/operation.decorators';

/** A change shows within a second: the projections' position is polled this often. */
export const STATS_POLL_MS = 250;
/** Keeps proxies from closing an idle stream. */
export const STATS_HEARTBEAT_MS = 15_000;

@ApiTags('read-side')
@Controller('stats')
export class StatsController {
  constructor(private readonly missionControl: MissionControl) {}

  @Get()
  @Operation('Mission Control’s consent figures and open requests', { status: 200, description: 'The figures', schema: 'MissionControlFigures' })
  @ReadYourWrites()
  @Roles('admin', 'dpo', 'crm', 'auditor')
  figures(): Promise<MissionControlFigures> {
    return this.missionControl.figures();
  }

  /**
   * Server-Sent Events: a `stats` frame at once and whenever the read models moved, a `heartbeat`
   * every 15 s. Nest unsubscribes when the client disconnects, which stops both timers.
   */
  @Sse('stream')
  @Operation('Mission Control’s figures as a live stream', { status: 200, description: 'Server-sent events: `stats` frames (MissionControlFigures) and `heartbeat`s', media: ['text/event-stream'] })
  @Roles('admin', 'dpo', 'crm', 'auditor')
  stream(): Observable<MessageEvent> {
    const frames = defer(() => {
      let last = -1;
      return interval(STATS_POLL_MS).pipe(
        startWith(0),
        exhaustMap(() => from(this.changedFigures(last))),
        filter((figures): figures is MissionControlFigures => figures !== undefined),
        map((figures): MessageEvent => {
          last = figures.position;
          return { type: 'stats', id: String(figures.position), data: figures };
        }),
      );
    });
    const heartbeats = interval(STATS_HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: { at: new Date().toISOString() } })));
    return merge(frames, heartbeats);
  }

  private async changedFigures(last: number): Promise<MissionControlFigures | undefined> {
    if ((await this.missionControl.position()) === last) return undefined;
    return this.missionControl.figures();
  }
}
