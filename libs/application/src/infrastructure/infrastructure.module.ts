import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '#event-store';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG, EVENT_STORE } from './tokens';

/** The stores opened at start (see openInfrastructure), shared by every module of the process. */
export interface Infrastructure {
  config: AppConfig;
  eventStore: EventStore;
}

class StoresShutdown implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
  }
}

@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(infra: Infrastructure): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: infra.config },
        { provide: EVENT_STORE, useValue: infra.eventStore },
        StoresShutdown,
      ],
      exports: [APP_CONFIG, EVENT_STORE],
    };
  }
}
