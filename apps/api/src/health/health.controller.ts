import { Controller, Get, Inject, Logger } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { EVENT_STORE } from '#application';
import type { EventStore } from '#event-store';
import { Public } from '../auth/route-access';

/**
 * Public, because load balancers probe it without a key; so it tells only adapter names and
 * up/down. The store's detail (file paths, positions, connection errors) goes to the log.
 */
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  @Get()
  @Public()
  // A 429 to a load balancer's probe would take a healthy instance out of rotation.
  @SkipThrottle()
  @HealthCheck()
  check() {
    return this.health.check([() => this.eventStoreHealth()]);
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
}
