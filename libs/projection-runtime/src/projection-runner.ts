import type { EventStore, RecordedEvent, Subscription } from '#event-store';
import type { ReadStore } from '#read-store';
import type { ReadModel } from '#projections';
import { type EventDeriver, projectBatch } from './batch-projector';
import { logMismatch } from './log-membership';
import { prepareModel } from './prepare-model';
import type { ProjectionLease } from './projection-lease';
import { liveTarget } from './projection-names';
import { rebuildModel } from './rebuild-model';
import type { ReplayDeps } from './replay';
import {
  DEFAULT_RUNNER_OPTIONS,
  errorLabel,
  retryDelay,
  type RunnerOptions,
  type RunnerState,
  type RunnerStatus,
  type RunnerView,
} from './runner-status';
import { Sleeper } from './sleeper';

export interface RunnerDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  derive: EventDeriver;
  /** Used by the rebuild a version change starts (see ReplayDeps). */
  prepare?: ReplayDeps['prepare'];
  /** Lines without personal data: names, positions, error classes. */
  log: (line: string) => void;
  /** Where a model found foreign to the log is reported (defaults to `log`). */
  warn?: (line: string) => void;
  /** Absent: this process is the only runner of the model (tests, single embedded api). */
  lease?: ProjectionLease;
  onCommit?: (name: string, checkpoint: number) => void;
  /** A (re)started session resumes from `checkpoint`, which may be lower than what was reported before. */
  onResume?: (name: string, checkpoint: number) => void;
}

/** Ends a session without counting as a failure: the lease went elsewhere or the checkpoint moved. */
class SessionEnded extends Error {}

/**
 * Runs one read model: checkpoint -> catch-up subscription to all -> batches folded and committed
 * with their checkpoint. A failure is logged, counted and retried with back-off; it concerns this
 * model only (every model has its own runner, subscription and checkpoint).
 */
export class ProjectionRunner implements RunnerView {
  private currentState: RunnerState = 'stopped';
  private readonly stateListeners: Array<() => void> = [];
  private checkpoint = 0;
  private failures = 0;
  private lastError: string | undefined;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private subscription: Subscription | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  private handover = false;
  private stepDown = false;
  private readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;
  private readonly sleeper = new Sleeper();
  private readonly options: RunnerOptions;

  constructor(
    readonly model: ReadModel,
    private readonly deps: RunnerDeps,
    options: Partial<RunnerOptions> = {},
  ) {
    this.options = { ...DEFAULT_RUNNER_OPTIONS, ...options };
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /**
   * Settles once the first session has checked the stored model against the log (and is serving
   * it, or rebuilding it), or went to standby or failed: a process starts serving queries only after.
   */
  whenChecked(): Promise<void> {
    return this.ready;
  }

  onStateChange(listener: () => void): void {
    this.stateListeners.push(listener);
  }

  private get state(): RunnerState {
    return this.currentState;
  }

  /** Told to the listeners, so a query asks no runner whether it rebuilds (see ProjectionProgress). */
  private set state(next: RunnerState) {
    if (next === this.currentState) return;
    this.currentState = next;
    for (const listener of this.stateListeners) listener();
  }

  get status(): RunnerStatus {
    const live = this.state === 'catching-up' && this.subscription?.caughtUp === true;
    const base = { name: this.model.name, version: this.model.version, state: live ? 'live' : this.state };
    return {
      ...base,
      checkpoint: this.checkpoint,
      failures: this.failures,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.state = 'starting';
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.sleeper.wakeAll();
    await this.subscription?.close();
    await this.loopDone;
    await this.deps.lease?.release().catch(() => undefined);
    this.state = 'stopped';
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        if (this.deps.lease && !(await this.deps.lease.tryAcquire())) {
          this.state = 'standby';
          this.markReady();
          await this.sleeper.sleep(this.deps.lease.ttlMs / 3);
          continue;
        }
        await this.session();
      } catch (error) {
        if (!this.running || error instanceof SessionEnded) continue;
        this.fail(error);
        await this.sleeper.sleep(retryDelay(this.options, this.failures));
      }
    }
  }

  private async session(): Promise<void> {
    this.state = 'starting';
    this.stepDown = false;
    const renewal = this.deps.lease ? setInterval(() => void this.renewLease(), this.deps.lease.ttlMs / 3) : undefined;
    try {
      await prepareModel(this.deps.readStore, this.model, this.deps.log);
      await this.ensureBelongsToLog();
      this.checkpoint = await this.deps.readStore.getCheckpoint(this.model.name);
      this.deps.onResume?.(this.model.name, this.checkpoint);
      this.state = 'catching-up';
      await this.follow();
    } finally {
      clearInterval(renewal);
      // Also when a rebuild was cut short: `ledger rebuild` is waiting for this lease.
      if (this.handover) await this.letGo();
    }
  }

  /** On every start and resume (ARCHITECTURE.md, ReadStore): a model of another log is rebuilt before it is served. */
  private async ensureBelongsToLog(): Promise<void> {
    const reason = await logMismatch(
      this.deps.eventStore,
      await this.deps.readStore.getCheckpointMark(this.model.name),
    );
    if (reason === undefined) return this.markReady();
    this.state = 'rebuilding';
    this.checkpoint = 0;
    this.deps.onResume?.(this.model.name, 0);
    this.markReady();
    (this.deps.warn ?? this.deps.log)(
      `projection ${this.model.name}: the read model does not belong to this event log (${reason}); rebuilding it from the log, queries answer 503 meanwhile`,
    );
    const onProgress = ({ position }: { position: number }) => {
      if (this.stepDown || !this.running || (this.deps.lease && !this.deps.lease.held()))
        throw new SessionEnded('lease lost while rebuilding');
      this.checkpoint = position;
    };
    const summary = await rebuildModel(this.deps, this.model, {
      batchSize: this.options.batchSize,
      replace: true,
      onProgress,
    });
    this.deps.log(
      `projection ${this.model.name}: rebuilt from the log (${summary.events} events, checkpoint ${summary.checkpoint}, ${summary.elapsedMs} ms)`,
    );
  }

  private async follow(): Promise<void> {
    const sub = this.deps.eventStore.subscribeToAll(
      { after: this.checkpoint, maxBatchSize: this.options.batchSize },
      (batch) => {
        this.inFlight = this.handle(batch);
        return this.inFlight;
      },
    );
    this.subscription = sub;
    // stop() or a lost lease may have come while the model was prepared, checked or rebuilt.
    if (this.stepDown || !this.running) await sub.close();
    try {
      await sub.done;
      await this.inFlight.catch(() => undefined);
    } finally {
      this.subscription = undefined;
    }
  }

  private async handle(batch: readonly RecordedEvent[]): Promise<void> {
    if (batch.length === 0) return;
    if (this.deps.lease && !this.deps.lease.held()) throw new SessionEnded('lease no longer held');
    const result = await projectBatch(this.deps.readStore, this.model, liveTarget(this.model), this.deps.derive, batch);
    // Someone else (a rebuild's swap) moved the checkpoint past this batch: resume from theirs.
    if (!result.committed) throw new SessionEnded('checkpoint moved');
    this.checkpoint = batch[batch.length - 1]!.position;
    this.failures = 0;
    this.lastError = undefined;
    this.deps.onCommit?.(this.model.name, this.checkpoint);
  }

  private async renewLease(): Promise<void> {
    try {
      const outcome = await this.deps.lease!.renew();
      if (outcome === 'held') return;
      this.handover = outcome === 'handover';
      this.stepDown = true;
      this.deps.log(`projection ${this.model.name}: lease ${outcome}, stepping down`);
      await this.subscription?.close();
    } catch (error) {
      // The lease lapses by itself if this keeps failing; handle() then refuses to commit.
      this.deps.log(`projection ${this.model.name}: lease renewal failed (${errorLabel(error)})`);
    }
  }

  /** `ledger rebuild` asked for the model: let go and stay away long enough for it to take over. */
  private async letGo(): Promise<void> {
    this.handover = false;
    await this.deps.lease!.release();
    this.state = 'standby';
    await this.sleeper.sleep(this.deps.lease!.ttlMs / 3);
  }

  private fail(error: unknown): void {
    this.markReady();
    this.failures++;
    this.lastError = errorLabel(error);
    this.state = 'failed';
    const delay = retryDelay(this.options, this.failures);
    this.deps.log(
      `projection ${this.model.name} failed at checkpoint ${this.checkpoint} (${this.lastError}); retry ${this.failures} in ${delay} ms`,
    );
  }
}
