import { Controller, Get, type MessageEvent, Req, Sse } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { finalize, interval, map, merge, type Observable } from 'rxjs';
import { Caller, Roles, type CallerIdentity } from '../auth';
import { MissionControl, type MissionControlFigures } from './mission-control';
import { ReadYourWrites } from './read-your-writes';
import { StatsFrames } from './stats-frames';
import { StreamSlots, TOO_MANY_STREAMS } from './stream-slots';
import { Operation } from '../http/openapi/operation.decorators';
import { Refuses } from '../http/openapi/refusals';

/** Keeps proxies from closing an idle stream. */
export const STATS_HEARTBEAT_MS = 15_000;

@ApiTags('read-side')
@Controller('stats')
export class StatsController {
  constructor(
    private readonly missionControl: MissionControl,
    private readonly shared: StatsFrames,
    private readonly slots: StreamSlots,
  ) {}

  @Get()
  @Operation('Mission Control’s consent figures and open requests', {
    status: 200,
    description: 'The figures',
    schema: 'MissionControlFigures',
  })
  @ReadYourWrites()
  @Roles('admin', 'dpo', 'crm', 'auditor')
  figures(): Promise<MissionControlFigures> {
    return this.missionControl.figures();
  }

  /**
   * Server-Sent Events: a `stats` frame at once and whenever the read models moved (shared by every
   * open stream), a `heartbeat` every 15 s. The slot is taken before the response starts, so a key
   * over its cap gets a 429, and given back when the client leaves.
   */
  @Sse('stream')
  @Operation('Mission Control’s figures as a live stream', {
    status: 200,
    description: 'Server-sent events: `stats` frames (MissionControlFigures) and `heartbeat`s',
    media: ['text/event-stream'],
  })
  @Roles('admin', 'dpo', 'crm', 'auditor')
  @Refuses(TOO_MANY_STREAMS)
  stream(@Caller() caller: CallerIdentity, @Req() request: FastifyRequest): Observable<MessageEvent> {
    const release = this.slots.acquire(caller.name);
    request.raw.once('close', release);
    const heartbeats = interval(STATS_HEARTBEAT_MS).pipe(
      map((): MessageEvent => ({ type: 'heartbeat', data: { at: new Date().toISOString() } })),
    );
    return merge(this.shared.frames, heartbeats).pipe(finalize(release));
  }
}
