/** Wakes waiters (read-ahead limit, back-off sleeps) on progress or on stop. */
export class Gate {
  private waiters: Array<() => void> = [];

  wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** A back-off that ends early only when the worker stops (open() is called on stop). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.stopWaiters.delete(done);
        resolve();
      }
      this.stopWaiters.add(done);
    });
  }

  private readonly stopWaiters = new Set<() => void>();

  open(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  stop(): void {
    this.open();
    for (const wake of [...this.stopWaiters]) wake();
  }
}

/** At most `limit` deliveries in flight per webhook. */
export class Slots {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}
