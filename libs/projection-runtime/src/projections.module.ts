import {
  type DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { SubjectCrypto } from '#crypto';
import type { EventStore } from '#event-store';
import type { ReadStore } from '#read-store';
import type { ReadModel } from '#projections';
import { type AppConfig, APP_CONFIG, EVENT_STORE, READ_STORE, SUBJECT_CRYPTO } from '#runtime';
import { ProjectionEngine } from './projection-engine';
import { ProjectionProgress } from './projection-progress';

export interface ProjectionsModuleOptions {
  models: readonly ReadModel[];
  /** Overrides `config.projections.run` (apps/projector always runs them). */
  run?: boolean;
}

/**
 * The read side's engine inside a Nest process. Always provides ProjectionProgress (health,
 * metrics and read-your-writes need it); starts the runners only where they are meant to run:
 * in the embedded api, with RUN_PROJECTIONS=true, and in apps/projector.
 */
@Global()
@Module({})
export class ProjectionsModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');

  constructor(@Inject(ProjectionEngine) private readonly engine: ProjectionEngine) {}

  static forRoot(options: ProjectionsModuleOptions): DynamicModule {
    const engine = {
      provide: ProjectionEngine,
      inject: [APP_CONFIG, EVENT_STORE, READ_STORE, SUBJECT_CRYPTO],
      useFactory: (config: AppConfig, eventStore: EventStore, readStore: ReadStore, crypto: SubjectCrypto) => {
        const log = new Logger('Projections');
        const run = options.run ?? config.projections.run;
        return new ProjectionEngine(
          { config, eventStore, readStore, crypto },
          options.models,
          run,
          (line) => log.log(line),
          (line) => log.warn(line),
        );
      },
    };
    const progress = {
      provide: ProjectionProgress,
      inject: [ProjectionEngine],
      useFactory: (e: ProjectionEngine) => e.progress,
    };
    return {
      module: ProjectionsModule,
      providers: [engine, progress],
      exports: [ProjectionEngine, ProjectionProgress],
    };
  }

  /** Waits until every runner has checked its model against the log, so no query reads a foreign one. */
  async onApplicationBootstrap(): Promise<void> {
    const names = this.engine.runners.map((r) => r.model.name);
    this.logger.log(
      names.length > 0 ? `running projections: ${names.join(', ')}` : 'projections run elsewhere (apps/projector)',
    );
    await this.engine.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.engine.stop();
    if (this.engine.runners.length > 0) this.logger.log('projections stopped, leases released');
  }
}
