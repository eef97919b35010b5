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
import { ProjectionEngine, type ProjectionHost } from './projection-engine';
import { ProjectionThreadHost } from './thread/projection-thread-host';

/** Nest token of the process's ProjectionHost. */
export const PROJECTION_HOST = 'ProjectionHost';
import { ProjectionProgress } from './projection-progress';

export interface ProjectionsModuleOptions {
  models: readonly ReadModel[];
  /** Overrides `config.projections.run` (apps/projector always runs them). */
  run?: boolean;
  /** Overrides `config.projections.thread` (apps/projector is a process of its own: no thread). */
  thread?: boolean;
}

/**
 * The read side's engine inside a Nest process. Always provides ProjectionProgress (health,
 * metrics and read-your-writes need it); starts the runners only where they are meant to run:
 * in the embedded api (on a worker thread unless PROJECTION_THREAD=false), with RUN_PROJECTIONS=true,
 * and in apps/projector.
 */
@Global()
@Module({})
export class ProjectionsModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');

  constructor(@Inject(PROJECTION_HOST) private readonly engine: ProjectionHost) {}

  static forRoot(options: ProjectionsModuleOptions): DynamicModule {
    const engine = {
      provide: PROJECTION_HOST,
      inject: [APP_CONFIG, EVENT_STORE, READ_STORE, SUBJECT_CRYPTO],
      useFactory: (config: AppConfig, eventStore: EventStore, readStore: ReadStore, crypto: SubjectCrypto) => {
        const logger = new Logger('Projections');
        const infra = { config, eventStore, readStore, crypto };
        const [log, warn] = [(line: string) => logger.log(line), (line: string) => logger.warn(line)];
        const run = options.run ?? config.projections.run;
        if (run && (options.thread ?? config.projections.thread))
          return new ProjectionThreadHost(infra, options.models, log, warn);
        return new ProjectionEngine(infra, options.models, run, log, warn);
      },
    };
    const progress = {
      provide: ProjectionProgress,
      inject: [PROJECTION_HOST],
      useFactory: (host: ProjectionHost) => host.progress,
    };
    return {
      module: ProjectionsModule,
      providers: [engine, progress],
      exports: [PROJECTION_HOST, ProjectionProgress],
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
