import type { DocumentWrite, OperationalStore } from '#read-store';

type Write =
  | { kind: 'put'; collection: string; id: string; doc: Record<string, unknown> }
  | { kind: 'delete'; collection: string; id: string };

/**
 * Atomic writes of non-projection documents (webhook registrations, delivery progress, dead letters)
 * through the OperationalStore's guarded commit: the "checkpoint" is a version counter, and every write
 * carries version + 1 as its position. Writers in one process queue up; a writer in another process
 * that committed first makes ours retry on the next version (the commit refuses a stale one).
 */
export class VersionedWriter {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: OperationalStore,
    readonly name: string,
  ) {}

  write(writes: readonly Write[]): Promise<void> {
    return this.decideAndWrite(async () => ({ writes, result: undefined }));
  }

  /**
   * Reads, decides and writes under one version: when another process committed in between, the
   * decision is made again on what it wrote (a check-then-write, such as "not used yet", holds).
   */
  decideAndWrite<T>(decide: () => Promise<{ writes: readonly Write[]; result: T }>): Promise<T> {
    const next = this.chain.then(() => this.commit(decide));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async commit<T>(decide: () => Promise<{ writes: readonly Write[]; result: T }>): Promise<T> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const version = (await this.store.getCheckpoint(this.name)) + 1;
      const { writes, result } = await decide();
      const positioned: DocumentWrite[] = writes.map((w) => ({ ...w, position: version }) as DocumentWrite);
      const outcome = await this.store.commit({ projection: this.name, checkpoint: version, writes: positioned });
      if (outcome.committed) return result;
    }
    throw new Error(`${this.name}: could not commit after 10 concurrent attempts`);
  }
}
