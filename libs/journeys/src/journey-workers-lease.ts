import type { ProjectionLease } from '#projection-runtime';

/** What the lease switches on and off: the webhook deliveries and the double opt-in mail outbox. */
export interface JourneyWorkers {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One process delivers webhooks and sends double opt-in mail at a time, however many api
 * instances run with JOURNEY_WORKERS=true: the same fenced lease in the read store as the
 * projection runners (ProjectionLease). The holder renews every third of the TTL; a standby takes
 * over once the holder stops renewing (a crash) or at once when it lets go (a clean shutdown).
 * Deliveries stay at least once: a holder that loses the lease stops after its current batch.
 */
export class JourneyWorkersLease {
  private timer: NodeJS.Timeout | undefined;
  private holding = false;
  private step: Promise<void> = Promise.resolve();

  constructor(
    private readonly lease: ProjectionLease,
    private readonly workers: JourneyWorkers,
    private readonly log: (line: string) => void,
  ) {}

  /** Resolves after the first attempt, so a process alone starts its workers before it serves. */
  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), Math.max(100, Math.floor(this.lease.ttlMs / 3)));
    this.timer.unref();
  }

  get active(): boolean {
    return this.holding;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.step;
    if (!this.holding) return;
    this.holding = false;
    await this.workers.stop();
    await this.lease.release();
  }

  private tick(): Promise<void> {
    this.step = this.step
      .then(() => this.attempt())
      .catch((error: Error) => this.log(`journey workers: lease check failed (${error.name}: ${error.message})`));
    return this.step;
  }

  private async attempt(): Promise<void> {
    if (!this.holding) {
      if (!(await this.lease.tryAcquire())) return;
      this.holding = true;
      this.log('journey workers: this process holds the lease and runs them');
      await this.workers.start();
      return;
    }
    const outcome = await this.lease.renew();
    if (outcome === 'held') return;
    this.holding = false;
    await this.workers.stop();
    if (outcome === 'handover') await this.lease.release();
    this.log(`journey workers: lease ${outcome === 'lost' ? 'lost' : 'handed over'}; standing by`);
  }
}
