import { KeyedLock } from '#application';

/** Consecutive records of one subject decided and appended together (see SubjectBatchWriter). */
export interface Unit<R> {
  key: string;
  records: R[];
}

/**
 * Runs units in waves of `size` started in the same turn of the event loop. Every unit of a wave
 * then reaches the key vault and the event store's group commit together, so one durable commit
 * serves the whole wave; started as they were read, units met the commits in groups as small as
 * one read chunk (about 90 subjects) and paid an fsync each. A wave holds at most `size` units in
 * memory, so a file of any size stays flat. The next wave starts while the one before it is
 * still committing (the event store commits on its writer thread), so at most two waves are in
 * flight. The first failure stops the waves and is rethrown by `drain`. Units of the same subject
 * still run in file order (KeyedLock), also across waves.
 */
export class UnitWaves<R> {
  private wave: Unit<R>[] = [];
  private failure: { error: unknown } | undefined;
  private previous: Promise<void> = Promise.resolve();
  private readonly subjects = new KeyedLock();

  constructor(
    private readonly size: number,
    private readonly process: (records: R[]) => Promise<void>,
  ) {}

  get failed(): boolean {
    return this.failure !== undefined;
  }

  async add(unit: Unit<R>): Promise<void> {
    this.wave.push(unit);
    if (this.wave.length >= this.size) await this.flush();
  }

  async drain(): Promise<void> {
    if (!this.failed) await this.flush();
    await this.previous;
    if (this.failure) throw this.failure.error;
  }

  /** Starts the wave and returns once the wave before it has settled. */
  private async flush(): Promise<void> {
    const wave = this.wave;
    this.wave = [];
    const before = this.previous;
    this.previous = this.settle(wave.map((unit) => this.subjects.run(unit.key, () => this.process(unit.records))));
    await before;
  }

  private async settle(runs: Promise<void>[]): Promise<void> {
    for (const outcome of await Promise.allSettled(runs)) {
      if (outcome.status === 'rejected') this.failure ??= { error: outcome.reason };
    }
  }
}
