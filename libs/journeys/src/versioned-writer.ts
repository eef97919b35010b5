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
    const next = this.chain.then(() => this.commit(writes));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async commit(writes: readonly Write[]): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const version = (await this.store.getCheckpoint(this.name)) + 1;
      const positioned: DocumentWrite[] = writes.map((w) => ({ ...w, position: version }) as DocumentWrite);
      const result = await this.store.commit({ projection: this.name, checkpoint: version, writes: positioned });
      if (result.committed) return;
    }
    throw new Error(`${this.name}: could not commit after 10 concurrent attempts`);
  }
}
