import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReadModel } from '#projections';
import type { Infrastructure } from '#runtime';
import type { ProjectionHost } from '../projection-engine';
import { ProjectionProgress } from '../projection-progress';
import { DEFAULT_RUNNER_OPTIONS, retryDelay, type RunnerStatus } from '../runner-status';
import type { FromProjectionThread, ProjectionThreadData, ToProjectionThread } from './projection-thread-wire';
import { RunnerMirror } from './runner-mirror';

/** The compiled thread file beside this one, or the .ts file through the tests' swc hook. */
function threadEntry(): { file: string; execArgv: string[] } {
  if (!__filename.endsWith('.ts')) return { file: join(__dirname, 'projection-thread.js'), execArgv: [] };
  const hook = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'swc-register.js');
  return { file: join(__dirname, 'projection-thread.ts'), execArgv: ['--require', hook] };
}

/**
 * Runs the read models on a worker thread of this process (embedded mode: `npm start` is one
 * process) so the request thread only decides and appends. The thread opens its own connections;
 * it reports every checkpoint move by message, so read-your-writes and the live counters learn of
 * it at once. A thread that dies is restarted with back-off: each model resumes from its committed
 * checkpoint (committed with its batch in one transaction), so nothing is skipped or doubled.
 */
export class ProjectionThreadHost implements ProjectionHost {
  readonly progress: ProjectionProgress;
  readonly runners: RunnerMirror[];
  private worker: Worker | undefined;
  private exited: Promise<void> = Promise.resolve();
  private markChecked: () => void = () => undefined;
  private readonly checked = new Promise<void>((resolve) => (this.markChecked = resolve));
  private stopping = false;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly infra: Omit<Infrastructure, 'keyVault'>,
    private readonly models: readonly ReadModel[],
    private readonly log: (line: string) => void,
    private readonly warn: (line: string) => void = log,
  ) {
    this.runners = models.map((m) => new RunnerMirror(m));
    this.progress = new ProjectionProgress(models, infra.readStore, infra.eventStore, this.runners, warn);
  }

  async start(): Promise<void> {
    this.spawn();
    await this.checked;
    await this.progress.foreign.start();
  }

  /** The runners finish their batches and release their leases, then the thread ends. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.progress.foreign.stop();
    this.worker?.ref();
    this.worker?.postMessage({ type: 'stop' } satisfies ToProjectionThread);
    await this.exited;
  }

  private spawn(): void {
    const { file, execArgv } = threadEntry();
    const workerData: ProjectionThreadData = { config: this.infra.config, models: this.models.map((m) => m.name) };
    // The environment as this process sees it (its OTEL_* settings), also where it was changed at run time.
    const worker = new Worker(file, { workerData, execArgv, env: { ...process.env } });
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (message: FromProjectionThread) => this.receive(message));
    worker.on('error', (error: Error) => this.warn(`projection thread failed (${error.name})`));
    worker.on('exit', (code: number) => this.ended(code));
    this.worker = worker;
  }

  private receive(message: FromProjectionThread): void {
    switch (message.type) {
      case 'log':
        if (message.level === 'warn') this.warn(message.line);
        else this.log(message.line);
        break;
      case 'checked':
        this.restarts = 0;
        // From now on, like the runners' timers, the thread alone never keeps the process alive.
        this.worker?.unref();
        this.markChecked();
        break;
      case 'moved':
        this.mirror(message.runners);
        this.progress[message.kind](message.name, message.checkpoint);
        break;
      case 'status':
        this.mirror(message.runners);
        break;
      case 'failed':
        this.warn(`projection thread could not start (${message.error})`);
        break;
      case 'stopped':
        break;
      default: {
        const unreachable: never = message;
        throw new Error(`unknown message from the projection thread: ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private mirror(statuses: readonly RunnerStatus[]): void {
    for (const status of statuses) {
      const runner = this.runners.find((r) => r.model.name === status.name);
      if (runner) runner.status = status;
    }
  }

  /** An unexpected end: health shows the models failed, queries keep their last checkpoints, a new thread resumes. */
  private ended(code: number): void {
    this.worker = undefined;
    if (this.stopping) return;
    this.restarts++;
    for (const runner of this.runners) runner.failed(`ThreadExit${code}`);
    // A start that never got as far as checking the models must not hold the api's start forever.
    this.markChecked();
    const delay = retryDelay(DEFAULT_RUNNER_OPTIONS, this.restarts);
    this.warn(`projection thread stopped (exit code ${code}); restart ${this.restarts} in ${delay} ms`);
    this.restartTimer = setTimeout(() => this.spawn(), delay);
    this.restartTimer.unref();
  }
}
