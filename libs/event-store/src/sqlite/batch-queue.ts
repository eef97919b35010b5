/** One caller's outcome inside a batch: its own value or its own error. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Runs a whole batch at once; returns one outcome per item, in order, or throws to fail them all. */
export type BatchRunner<T, R> = (items: readonly T[]) => Outcome<R>[];

interface Pending<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items enqueued in the same turn of the event loop (or while a batch runs, since the
 * runner is synchronous) are handed to the runner together, so one durable commit serves them all.
 */
export class BatchQueue<T, R> {
  private pending: Pending<T, R>[] = [];
  private scheduled: ReturnType<typeof setImmediate> | undefined;

  constructor(
    private readonly run: BatchRunner<T, R>,
    private readonly maxBatch = 5000,
  ) {}

  get size(): number {
    return this.pending.length;
  }

  enqueue(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.scheduled ??= setImmediate(() => this.drain());
    });
  }

  /** Runs everything queued now, synchronously (used by close()). */
  drain(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    while (this.pending.length > 0) {
      this.runOnce(this.pending.splice(0, this.maxBatch));
    }
  }

  private runOnce(batch: Pending<T, R>[]): void {
    let outcomes: Outcome<R>[];
    try {
      outcomes = this.run(batch.map((p) => p.item));
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    for (let i = 0; i < batch.length; i++) {
      const o = outcomes[i]!;
      if (o.ok) batch[i]!.resolve(o.value);
      else batch[i]!.reject(o.error);
    }
  }
}
