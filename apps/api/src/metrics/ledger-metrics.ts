import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { EventStore } from '#event-store';
import type { ProjectionProgress, ProjectionSnapshot } from '#projection-runtime';

/**
 * One registry per app (not prom-client's global one), so several apps in one process (e2e tests)
 * do not collide. Projection figures are read at scrape time from ProjectionProgress.
 */
export class LedgerMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(progress: ProjectionProgress, eventStore: EventStore) {
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'ledger_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    projectionGauges(this.registry, progress);
    new Gauge({
      name: 'ledger_event_store_head_position',
      help: 'Global position of the newest event in the log',
      registers: [this.registry],
      async collect() {
        this.set(await eventStore.headPosition());
      },
    });
  }
}

function projectionGauges(registry: Registry, progress: ProjectionProgress): void {
  // One snapshot per scrape feeds every projection gauge.
  let pending: Promise<ProjectionSnapshot[]> | undefined;
  const snapshot = () => (pending ??= progress.snapshot().finally(() => setTimeout(() => (pending = undefined), 0)));
  const gauge = (name: string, help: string, pick: (s: ProjectionSnapshot) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['projection'],
      registers: [registry],
      async collect() {
        const all = await snapshot();
        this.reset();
        for (const s of all) this.set({ projection: s.name }, pick(s));
      },
    });
  gauge('ledger_projection_checkpoint', 'Last global position committed by the projection', (s) => s.checkpoint);
  gauge('ledger_projection_lag_events', 'Events in the log after the projection checkpoint', (s) => s.lagEvents);
  gauge(
    'ledger_projection_failures',
    'Consecutive failures of the projection runner (0 when healthy)',
    (s) => s.failures,
  );
}
