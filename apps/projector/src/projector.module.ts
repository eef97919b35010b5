import { type DynamicModule, Module, type OnApplicationShutdown } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { createLogger, InfrastructureModule, type Infrastructure } from '#runtime';
import { ProjectionsModule } from '#projection-runtime';
import type { ReadModel } from '#projections';

/** Holds the event loop open: the runners' live waits use unref'd timers on purpose. */
class KeepAlive implements OnApplicationShutdown {
  private readonly timer = setInterval(() => undefined, 60_000);

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

/** The standalone projection worker: the stores and the runners, no HTTP. */
@Module({})
export class ProjectorModule {
  static forRoot(infra: Infrastructure, models: readonly ReadModel[]): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { logger: createLogger(infra.config) } }),
        InfrastructureModule.forRoot(infra),
        ProjectionsModule.forRoot({ models, run: true, thread: false }),
      ],
      providers: [KeepAlive],
    };
  }
}
