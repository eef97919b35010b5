import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { KeyVault, SubjectCrypto } from '#crypto';
import type { EventStore } from '#event-store';
import type { ReadStore } from '#read-store';
import { RequestKeys } from '../keys/request-keys';
import type { AppConfig } from '../config/app-config';
import { ErasedKeyEviction } from './erased-key-eviction';
import { APP_CONFIG, EVENT_STORE, KEY_VAULT, OPERATIONAL_STORE, READ_STORE, SUBJECT_CRYPTO } from './tokens';

/** The stores opened at start (see openInfrastructure), shared by every module of the process. */
export interface Infrastructure {
  config: AppConfig;
  eventStore: EventStore;
  keyVault: KeyVault;
  crypto: SubjectCrypto;
  readStore: ReadStore;
}

class StoresShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(KEY_VAULT) private readonly keyVault: KeyVault,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
    await this.keyVault.close();
    await this.readStore.close();
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
        { provide: KEY_VAULT, useValue: infra.keyVault },
        { provide: SUBJECT_CRYPTO, useValue: infra.crypto },
        { provide: READ_STORE, useValue: infra.readStore },
        { provide: OPERATIONAL_STORE, useExisting: READ_STORE },
        { provide: RequestKeys, useFactory: (config: AppConfig) => RequestKeys.load(config), inject: [APP_CONFIG] },
        StoresShutdown,
        // Every process that decrypts (api, projector) drops a key as soon as any process erases its subject.
        ErasedKeyEviction,
      ],
      exports: [APP_CONFIG, EVENT_STORE, KEY_VAULT, SUBJECT_CRYPTO, READ_STORE, OPERATIONAL_STORE, RequestKeys],
    };
  }
}
