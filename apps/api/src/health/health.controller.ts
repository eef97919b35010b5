import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE } from '#application';
import type { EventStore } from '#event-store';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  @Get()
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
    return state.ok ? session.up({ adapter: state.adapter, detail: state.detail }) : session.down({ ...state });
  }
}
