import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, EVENT_STORE, type AppConfig } from '#runtime';
import {
  INTEGRATION_SOURCE_FILTER,
  matchesIntegrationFilter,
  toCloudEvent,
  toIntegrationEvent,
  type IntegrationFilter,
} from '#journeys';
import { refusal } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { Roles } from '../auth';
import { FeedQueryDto } from './dto/journeys.dto';
import { SseStream } from './sse-stream';
import { Operation } from '../http/openapi/operation.decorators';

interface RawRequest {
  raw: IncomingMessage;
  headers: Record<string, string | string[] | undefined>;
}
interface RawReply {
  raw: ServerResponse;
  hijack(): void;
}

/** Last-Event-ID (a reconnecting EventSource sends it) wins over `?after=` (the first connect). */
export function resumeAfter(header: string | string[] | undefined, after: number | undefined): number {
  if (header === undefined) return after ?? 0;
  const value = Array.isArray(header) ? header[0] : header;
  if (!/^\d{1,15}$/.test(value ?? ''))
    throw refusal('VALIDATION.FAILED', 'Last-Event-ID must be a global position (a whole number)', 'Last-Event-ID');
  return Number(value);
}

/**
 * The integration-event feed as Server-Sent Events, straight from the event store's catch-up-then-live
 * subscription (never the in-process EventBus, which other instances' writes never reach).
 */
@ApiTags('journeys')
@Controller('feed')
export class FeedController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Operation(
    'The integration-event feed (server-sent events)',
    {
      status: 200,
      description: 'One frame per integration event; resume with Last-Event-ID',
      media: ['text/event-stream'],
    },
    'VALIDATION.FAILED',
  )
  @Roles('journey', 'admin', 'crm')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this global position' })
  feed(@Query() query: FeedQueryDto, @Req() request: RawRequest, @Res() reply: RawReply): void {
    const after = resumeAfter(request.headers['last-event-id'], query.after);
    const filter: IntegrationFilter = { topics: query.topicId, channels: query.channel, types: query.type };
    reply.hijack();
    const stream = new SseStream(reply.raw);
    stream.open(3_000);
    const subscription = this.store.subscribeToAll(
      { after, filter: INTEGRATION_SOURCE_FILTER, maxBatchSize: 200 },
      (batch) => send(stream, batch, filter, this.config.journeys.cloudEventsSource),
    );
    const heartbeat = setInterval(() => stream.heartbeat(), this.config.journeys.feedHeartbeatMs);
    const cleanup = () => {
      clearInterval(heartbeat);
      void subscription.close();
    };
    reply.raw.on('close', cleanup);
    subscription.done.catch(() => undefined).finally(() => stream.end());
  }
}

/** Each frame's `data:` is a structured-mode CloudEvent; `id:` stays the position (Last-Event-ID). */
async function send(
  stream: SseStream,
  batch: readonly RecordedEvent[],
  filter: IntegrationFilter,
  source: string,
): Promise<void> {
  for (const recorded of batch) {
    if (stream.isClosed) return;
    const event = toIntegrationEvent(recorded);
    if (event !== undefined && matchesIntegrationFilter(event, filter))
      await stream.send(event.position, event.type, toCloudEvent(event, source));
  }
}
