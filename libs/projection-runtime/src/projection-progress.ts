import type { EventStore } from '#event-store';
import type { ReadStore } from '#read-store';
import { ForeignModelWatch } from './foreign-model-watch';
import type { RunnerState, RunnerView } from './runner-status';

export interface ProjectionSnapshot {
  name: string;
  version: number;
  /** `external`: the model runs in another process (apps/projector); only its checkpoint is known here. */
  state: RunnerState | 'external';
  checkpoint: number;
  headPosition: number;
  /** Events in the log after the checkpoint. */
  lagEvents: number;
  failures: number;
  lastError?: string;
}

const POLL_MS = 50;
const LAG_COUNT_CAP = 10_000;

/**
 * How far the read models are. In-process runners report each commit at once; models run by
 * another process (or a standby here) are read from the read store's checkpoints, polled while
 * someone waits. Read-your-writes (`waitFor`) and health/metrics (`snapshot`) use this.
 */
export class ProjectionProgress {
  private readonly known = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  /** Models run elsewhere that do not belong to the log; started by `watch`. */
  readonly foreign: ForeignModelWatch;
  /** What `rebuilding()` answers until a runner's state or the foreign set changes (undefined: work it out). */
  private rebuildingNow: readonly string[] | undefined;
  /** Runners whose state changes are heard (the list may grow after construction). */
  private heard = 0;
  private readonly stale = () => (this.rebuildingNow = undefined);

  constructor(
    private readonly models: ReadonlyArray<{ name: string; version: number }>,
    private readonly readStore: ReadStore,
    private readonly eventStore: EventStore,
    private readonly runners: readonly RunnerView[] = [],
    warn: (line: string) => void = () => undefined,
  ) {
    const runHere = (name: string) => this.runHere(name);
    this.foreign = new ForeignModelWatch(models, readStore, eventStore, runHere, warn, this.stale);
  }

  /** A runner of this process maintains the model (it is not standing by for another process). */
  private runHere(name: string): boolean {
    const state = this.runners.find((r) => r.model.name === name)?.status.state;
    return state !== undefined && state !== 'standby' && state !== 'stopped';
  }

  /** Called by the runners after each commit. */
  committed(name: string, checkpoint: number): void {
    if (checkpoint <= (this.known.get(name) ?? 0)) return;
    this.known.set(name, checkpoint);
    for (const listener of [...this.listeners]) listener();
  }

  /**
   * A runner (re)started from `checkpoint`; after a rebuild against a restored log it is lower than
   * before, and read-your-writes must not keep trusting the old, higher one.
   */
  resumed(name: string, checkpoint: number): void {
    this.known.set(name, checkpoint);
    for (const listener of [...this.listeners]) listener();
  }

  /**
   * Models that did not belong to the log and are not rebuilt yet: rebuilding here, or found
   * foreign while another process runs them. Queries answer 503 for them. Asked by every query, so
   * the answer is kept until a runner or the foreign-model watch reports a change.
   */
  rebuilding(): readonly string[] {
    while (this.heard < this.runners.length) {
      this.runners[this.heard++]!.onStateChange(this.stale);
      this.stale();
    }
    return (this.rebuildingNow ??= this.models.map((m) => m.name).filter((name) => this.isRebuilding(name)));
  }

  private isRebuilding(name: string): boolean {
    if (this.runHere(name)) return this.runners.find((r) => r.model.name === name)!.status.state === 'rebuilding';
    return this.foreign.has(name);
  }

  /** The last checkpoint seen for the model (0 before anything was seen). */
  position(name: string): number {
    return this.known.get(name) ?? 0;
  }

  reached(position: number): boolean {
    return this.models.every((m) => this.position(m.name) >= position);
  }

  /** Resolves true once every model's checkpoint is at or past `position`, false after `timeoutMs`. */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.reached(position)) return true;
    return new Promise<boolean>((resolve) => {
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        clearInterval(poll);
        this.listeners.delete(check);
        resolve(ok);
      };
      const check = () => this.reached(position) && finish(true);
      const timer = setTimeout(() => finish(this.reached(position)), timeoutMs);
      const poll = setInterval(() => void this.refresh().then(check, () => undefined), POLL_MS);
      this.listeners.add(check);
      void this.refresh().then(check, () => undefined);
    });
  }

  /**
   * Reads the stored checkpoints, which other processes' runners move. A model rebuilding here is
   * skipped (its stored checkpoint still counts another log's positions); one run elsewhere takes
   * the stored value as it is, lower too: another process may have rebuilt it against this log.
   */
  async refresh(): Promise<void> {
    for (const model of this.models) {
      if (this.isRebuilding(model.name)) continue;
      const stored = await this.readStore.getCheckpoint(model.name);
      if (this.runHere(model.name)) this.committed(model.name, stored);
      else this.resumed(model.name, stored);
    }
  }

  async snapshot(): Promise<ProjectionSnapshot[]> {
    await this.refresh();
    const head = await this.eventStore.headPosition();
    const snapshots: ProjectionSnapshot[] = [];
    for (const model of this.models) {
      const runner = this.runners.find((r) => r.model.name === model.name)?.status;
      const checkpoint = Math.max(runner?.checkpoint ?? 0, this.position(model.name));
      snapshots.push({
        name: model.name,
        version: model.version,
        state: this.isRebuilding(model.name) ? 'rebuilding' : (runner?.state ?? 'external'),
        checkpoint,
        headPosition: head,
        lagEvents: await this.lag(checkpoint, head),
        failures: runner?.failures ?? 0,
        ...(runner?.lastError ? { lastError: runner.lastError } : {}),
      });
    }
    return snapshots;
  }

  /** SQLite positions are dense (one per event); KurrentDB's are byte offsets, so count there. */
  private async lag(checkpoint: number, head: number): Promise<number> {
    if (checkpoint >= head) return 0;
    if (this.eventStore.adapter === 'sqlite') return head - checkpoint;
    return (await this.eventStore.readAll({ after: checkpoint, maxCount: LAG_COUNT_CAP })).length;
  }
}
