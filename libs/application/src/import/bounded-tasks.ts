/**
 * At most `limit` tasks in flight: the reader waits for a free slot, so a file of any size holds
 * only `limit` records in memory. The first task failure is kept and rethrown by `drain`.
 */
export class BoundedTasks {
  private inFlight = 0;
  private waiting: Array<() => void> = [];
  private failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {}

  get failed(): boolean {
    return this.failure !== undefined;
  }

  async run(task: () => Promise<void>): Promise<void> {
    while (this.inFlight >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
    task()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.inFlight--;
        this.waiting.shift()?.();
      });
  }

  async drain(): Promise<void> {
    while (this.inFlight > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.failure) throw this.failure.error;
  }
}
