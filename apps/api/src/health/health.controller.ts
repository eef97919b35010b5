import { Controller, Get, Inject, Logger } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, READ_STORE } from '#runtime';
import { ProjectionProgress } from '#projection-runtime';
import type { ReadStore } from '#read-store';
import type { EventStore } from '#event-store';
import { Public } from '../auth/route-access';
import { Operation } from '../http/openapi/operation.decorators';

/**
 * Public, because load balancers probe it without a key; so it tells only adapter names, up/down
 * and each projection's positions and state. The stores' detail (file paths, connection errors)
 * and a projection's failure goes to the log; a failing projection reports `down`.
 */
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly progress: ProjectionProgress,
  ) {}

  @Get()
  @Operation(
    'Health of the stores and projections',
    { status: 200, description: 'Up', schema: 'Health' },
    'HTTP.SERVICE_UNAVAILABLE',
  )
  // A 429 to a load balancer's probe would take a healthy instance out of rotation: a limit far above any probe's rate.
  @Public('probe')
  // Terminus's own swagger answers would merge into the documented ones above.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  check() {
    return this.health.check([
      () => this.eventStoreHealth(),
      () => this.readStoreHealth(),
      () => this.projectionsHealth(),
    ]);
  }

  private async eventStoreHealth() {
    const session = this.indicators.check('eventStore');
    const state = await this.eventStore.health().catch((error: Error) => ({
      adapter: this.eventStore.adapter,
      ok: false,
      detail: error.message,
    }));
    if (state.ok) return session.up({ adapter: state.adapter });
    this.logger.warn(`event store ${state.adapter} is down: ${state.detail}`);
    return session.down({ adapter: state.adapter });
  }

  private async readStoreHealth() {
    const session = this.indicators.check('readStore');
    const state = await this.readStore.health().catch((error: Error) => ({
      adapter: this.readStore.adapter,
      up: false,
      atomicBatches: false,
      detail: error.message,
    }));
    const shown = { adapter: state.adapter, atomicBatches: state.atomicBatches };
    if (state.up) return session.up(shown);
    this.logger.warn(`read store ${state.adapter} is down: ${state.detail}`);
    return session.down(shown);
  }

  /**
   * Each projection's state and positions. A failing projection does not take the instance out of
   * the load balancer (a restart cannot fix a poison event, and writes still work): it shows as
   * `failed` here, in the log and in ledger_projection_failures.
   */
  private async projectionsHealth() {
    const session = this.indicators.check('projections');
    const snapshots = await this.progress.snapshot().catch((error: Error) => {
      this.logger.warn(`projection status unavailable: ${error.name}`);
      return undefined;
    });
    if (!snapshots) return session.down({ available: false });
    const shown = Object.fromEntries(
      snapshots.map((s) => [
        s.name,
        {
          state: s.failures > 0 ? 'failed' : s.state,
          checkpoint: s.checkpoint,
          headPosition: s.headPosition,
          lagEvents: s.lagEvents,
          failures: s.failures,
        },
      ]),
    );
    return session.up(shown);
  }
}
