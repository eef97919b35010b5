import type { EventFilter, EventStore, RecordedEvent, Subscription } from '#event-store';

export interface SubscriptionLoopOptions {
  name: string;
  eventStore: EventStore;
  filter: EventFilter;
  /** Read at every (re)start: the last position fully handled. */
  checkpoint: () => Promise<number>;
  handle: (batch: readonly RecordedEvent[]) => Promise<void>;
  /** Lines without personal data. */
  log: (line: string) => void;
  retryBaseMs?: number;
  maxBatchSize?: number;
}

/**
 * Catch-up-then-live subscription from a stored checkpoint that restarts after a failure with a
 * capped back-off. A failed handler ends the subscription, so the failed batch is handled again
 * from the checkpoint: nothing is skipped (at-least-once, like the projection runners).
 */
export class SubscriptionLoop {
  private running = false;
  private subscription: Subscription | undefined;
  private done: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  failures = 0;

  constructor(private readonly options: SubscriptionLoopOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.done = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.subscription?.close();
    await this.done;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        const after = await this.options.checkpoint();
        const { eventStore, filter, handle, maxBatchSize } = this.options;
        this.subscription = eventStore.subscribeToAll({ after, filter, maxBatchSize: maxBatchSize ?? 100 }, handle);
        await this.subscription.done;
      } catch (error) {
        if (!this.running) break;
        this.failures++;
        const delay = Math.min(60_000, (this.options.retryBaseMs ?? 500) * 2 ** Math.min(this.failures - 1, 10));
        this.options.log(
          `${this.options.name}: stopped (${(error as Error).name}: ${(error as Error).message}); retry ${this.failures} in ${delay} ms`,
        );
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, delay).unref();
        });
      }
    }
  }
}
