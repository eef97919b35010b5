import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, schedulerIntervalSeconds, type AppConfig } from '#runtime';
import { RetentionSweep } from '#application';

/**
 * In the api on the embedded stores: every PRIVACY_SCHEDULER_INTERVAL_SECONDS, carries out the
 * erasures that are due (holds that ended, lapsed retention; Art. 17(1)(a), 17(3)). Logs counts only.
 */
@Injectable()
export class PrivacyScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PrivacyScheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly sweep: RetentionSweep,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = schedulerIntervalSeconds(process.env, !this.config.eventStoreConnectionString);
    if (seconds === 0) return;
    this.timer = setInterval(() => void this.tick(), seconds * 1000);
    this.timer.unref();
  }

  /** One pass; a pass still running is awaited instead of started twice. */
  tick(now = new Date().toISOString()): Promise<void> {
    this.running ??= this.pass(now).finally(() => (this.running = undefined));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async pass(now: string): Promise<void> {
    try {
      const done = await this.sweep.run(now);
      if (done.length > 0)
        this.logger.log(
          `carried out ${done.filter((d) => d.outcome === 'erased').length} of ${done.length} due erasure(s)`,
        );
    } catch (error) {
      this.logger.error(`retention pass failed: ${(error as Error).name}`);
    }
  }
}
