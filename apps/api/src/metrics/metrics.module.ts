import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { EVENT_STORE } from '#runtime';
import { ProjectionProgress } from '#projection-runtime';
import type { EventStore } from '#event-store';
import { LedgerMetrics } from './ledger-metrics';
import { MetricsController } from './metrics.controller';

/** `GET /metrics`, and the HTTP duration histogram fed by a Fastify onResponse hook. */
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: LedgerMetrics,
      inject: [ProjectionProgress, EVENT_STORE],
      useFactory: (progress: ProjectionProgress, store: EventStore) => new LedgerMetrics(progress, store),
    },
  ],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    @Inject(LedgerMetrics) private readonly metrics: LedgerMetrics,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    // A callback hook rather than an async one: no promise and no extra tick per request.
    fastify.addHook('onResponse', (request, reply, done) => {
      // The route pattern (`/subjects/:id`), never the concrete URL: ids must not become labels.
      const route = request.routeOptions?.url ?? 'unmatched';
      try {
        this.metrics.httpDuration.observe(
          { method: request.method, route, status: String(reply.statusCode) },
          reply.elapsedTime / 1000,
        );
      } catch (error) {
        return done(error as Error);
      }
      done();
    });
  }
}
