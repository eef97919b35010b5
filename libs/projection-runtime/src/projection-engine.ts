import type { ReadModel } from '#projections';
import type { Infrastructure } from '#runtime';
import { BlindIndexDeriver } from './blind-index-deriver';
import { leaseOwnerId, ProjectionLease } from './projection-lease';
import { ProjectionProgress } from './projection-progress';
import { ProjectionRunner } from './projection-runner';
import type { RunnerView } from './runner-status';

/** Where the read models of a process are run: here (ProjectionEngine) or on a thread (ProjectionThreadHost). */
export interface ProjectionHost {
  readonly progress: ProjectionProgress;
  readonly runners: readonly RunnerView[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Told of every checkpoint the runners commit or resume from (the projection thread reports them). */
export interface ProgressObserver {
  committed(name: string, checkpoint: number): void;
  resumed(name: string, checkpoint: number): void;
}

/** The runners of one process and the progress they report; started and stopped together. */
export class ProjectionEngine implements ProjectionHost {
  readonly progress: ProjectionProgress;
  readonly runners: ProjectionRunner[];

  /** `run` false: no runners here (apps/projector runs them); progress reads the store's checkpoints. */
  constructor(
    infra: Omit<Infrastructure, 'keyVault'>,
    readonly models: readonly ReadModel[],
    run: boolean,
    log: (line: string) => void,
    warn: (line: string) => void = log,
    observer?: ProgressObserver,
  ) {
    const settings = infra.config.projections;
    const deriver = new BlindIndexDeriver(infra.crypto, infra.eventStore);
    const owner = leaseOwnerId();
    const runners: ProjectionRunner[] = [];
    this.progress = new ProjectionProgress(models, infra.readStore, infra.eventStore, runners, warn);
    if (!run) {
      this.runners = runners;
      return;
    }
    for (const model of models) {
      const deps = {
        eventStore: infra.eventStore,
        readStore: infra.readStore,
        derive: (e: Parameters<BlindIndexDeriver['derive']>[0]) => deriver.derive(e),
        prepare: (batch: Parameters<BlindIndexDeriver['prepare']>[0]) => deriver.prepare(batch),
        log,
        warn,
        lease: new ProjectionLease(infra.readStore, model.name, owner, settings.leaseTtlMs),
        onCommit: (name: string, checkpoint: number) => {
          this.progress.committed(name, checkpoint);
          observer?.committed(name, checkpoint);
        },
        onResume: (name: string, checkpoint: number) => {
          this.progress.resumed(name, checkpoint);
          observer?.resumed(name, checkpoint);
        },
      };
      runners.push(new ProjectionRunner(model, deps, { batchSize: settings.batchSize }));
    }
    this.runners = runners;
  }

  /**
   * Resolves once every model has been checked against the log: by its runner here (see
   * ProjectionRunner.whenChecked), or, where another process runs it, by the foreign-model watch.
   */
  async start(): Promise<void> {
    for (const runner of this.runners) runner.start();
    await Promise.all(this.runners.map((r) => r.whenChecked()));
    await this.progress.foreign.start();
  }

  /** Each runner finishes its batch and releases its lease, so a standby takes over at once. */
  async stop(): Promise<void> {
    await this.progress.foreign.stop();
    await Promise.all(this.runners.map((r) => r.stop()));
  }
}
