/** One caller's outcome inside a batch: its own value or its own error. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Runs a whole batch at once; resolves one outcome per item, in order, or rejects to fail them all. */
export type BatchRunner<T, R> = (items: readonly T[]) => Promise<Outcome<R>[]>;

interface Pending<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit with one batch in flight: items enqueued in the same turn of the event loop, or
 * while the previous batch is being committed, go to the runner together, so one durable commit
 * serves them all. Batches run strictly one after another, in the order their items arrived.
 */
export class BatchQueue<T, R> {
  private pending: Pending<T, R>[] = [];
  private scheduled: ReturnType<typeof setImmediate> | undefined;
  private running: Promise<void> | undefined;

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
      if (!this.running) this.scheduled ??= setImmediate(() => this.start());
    });
  }

  /** Resolves once everything enqueued before the call has been committed or refused (close() uses it). */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.running) {
      this.start();
      await this.running;
    }
  }

  private start(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.running || this.pending.length === 0) return;
    this.running = this.loop().finally(() => {
      this.running = undefined;
      // Items enqueued while the last batch settled found a run in progress and did not schedule one.
      if (this.pending.length > 0) this.scheduled ??= setImmediate(() => this.start());
    });
  }

  private async loop(): Promise<void> {
    while (this.pending.length > 0) await this.runOnce(this.pending.splice(0, this.maxBatch));
  }

  private async runOnce(batch: Pending<T, R>[]): Promise<void> {
    let outcomes: Outcome<R>[];
    try {
      outcomes = await this.run(batch.map((p) => p.item));
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
