import type Database from 'better-sqlite3';

interface Pending<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: inserts requested in the same turn of the event loop share one transaction,
 * so concurrent first uses pay for one fsync (synchronous = FULL) instead of one each.
 */
export class InsertBatcher<I, O> {
  private pending: Pending<I, O>[] = [];

  constructor(
    private readonly db: Database.Database,
    private readonly apply: (input: I) => O,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ input, resolve, reject });
    });
  }

  /** Commits what is waiting now; close() calls it so no accepted insert is dropped. */
  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      const outputs = this.db.transaction(() => batch.map((p) => this.apply(p.input))).immediate();
      batch.forEach((p, i) => p.resolve(outputs[i]!));
    } catch (err) {
      batch.forEach((p) => p.reject(err));
    }
  }
}
