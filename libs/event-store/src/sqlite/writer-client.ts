import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EventStoreUnavailableError } from '../errors';
import type { WriteRequest, WriteResult } from './append-batch';
import type { Outcome } from './batch-queue';
import { fromWireError, fromWireOutcome, type FromWriter, type ToWriter } from './writer-wire';

interface Waiting {
  resolve: (outcomes: Outcome<WriteResult>[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Where the writer thread's code is: the compiled file next to this one, or, when the sources run
 * as TypeScript (tests and their child processes), the .ts file compiled by the same swc hook the
 * test child processes use.
 */
function threadEntry(): { file: string; execArgv: string[] } {
  if (!__filename.endsWith('.ts')) return { file: join(__dirname, 'writer-thread.js'), execArgv: [] };
  const hook = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'swc-register.js');
  return { file: join(__dirname, 'writer-thread.ts'), execArgv: ['--require', hook] };
}

/**
 * The main thread's side of the writer thread: sends a batch of write requests, resolves with
 * their outcomes once they are durable. The thread starts with the first batch (most processes,
 * e.g. a `ledger verify`, never send one) and keeps the process alive only while a batch is in
 * flight. If it dies, the batch in flight fails with EventStoreUnavailableError (it may or may
 * not have committed, as in a crash) and `problem` says why; the store then commits on its own thread.
 */
export class WriterThread {
  private worker: Worker | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  /** Why the thread can no longer write, once it cannot. */
  problem: string | undefined;

  constructor(private readonly file: string) {}

  run(requests: readonly WriteRequest[]): Promise<Outcome<WriteResult>[]> {
    if (this.problem !== undefined) return Promise.reject(this.unavailable());
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) worker.ref();
      worker.postMessage({ type: 'write', id, requests } satisfies ToWriter);
    });
  }

  /** Call once nothing is queued any more: the thread closes its connection and ends. */
  async close(): Promise<void> {
    if (!this.worker) return;
    if (this.problem === undefined) this.worker.postMessage({ type: 'close' } satisfies ToWriter);
    this.worker.ref();
    await this.exited;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const { file: entry, execArgv } = threadEntry();
    const worker = new Worker(entry, { workerData: { file: this.file }, execArgv });
    // Resolves on exit however the thread ends; an 'error' (e.g. the file is gone) is handled below.
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (reply: FromWriter) => this.settle(reply));
    worker.on('error', (error: unknown) => this.fail(`the writer thread failed (${(error as Error).message})`));
    worker.on('exit', (code: number) => this.fail(`the writer thread stopped (exit code ${code})`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: FromWriter): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker?.unref();
    if (reply.type === 'done') waiting.resolve(reply.outcomes.map(fromWireOutcome));
    else waiting.reject(fromWireError(reply.error));
  }

  private fail(problem: string): void {
    if (this.problem !== undefined) return;
    this.problem = problem;
    for (const waiting of this.waiting.values()) waiting.reject(this.unavailable());
    this.waiting.clear();
  }

  private unavailable(): EventStoreUnavailableError {
    return new EventStoreUnavailableError(`The event store ${this.file} cannot write: ${this.problem}`, 'DATA_DIR');
  }
}
