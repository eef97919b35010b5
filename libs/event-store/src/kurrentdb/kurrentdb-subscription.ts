import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  KurrentDBClient,
  Position,
} from '@kurrent/kurrentdb-client';
import { START } from '@kurrent/kurrentdb-client';
import type { BatchHandler, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { planFilter } from './kurrentdb-filter';
import { toKurrentDbPosition, toRecordedEvent } from './kurrentdb-mapping';
import { CaughtUpTracker } from './caught-up-tracker';
import { headPosition } from './kurrentdb-reads';

const DEFAULT_BATCH = 100;

/**
 * A catch-up subscription to $all that hands the handler batches: whatever arrived while the
 * previous batch was being handled, up to maxBatchSize. The server stream is paused while too
 * much is queued, so a slow handler never makes us buffer the whole log.
 */
export class KurrentDbSubscription implements Subscription {
  readonly done: Promise<void>;
  #position: number;
  #queue: RecordedEvent[] = [];
  #busy = false;
  #closed = false;
  #stream?: AllStreamSubscription;
  #settle!: { resolve: () => void; reject: (error: unknown) => void };
  readonly #plan;
  readonly #batch: number;
  readonly #tracker: CaughtUpTracker;

  constructor(
    private readonly client: KurrentDBClient,
    options: SubscribeOptions,
    private readonly handler: BatchHandler,
    private readonly onEnd: (subscription: KurrentDbSubscription) => void,
  ) {
    this.#position = options.after ?? 0;
    this.#plan = planFilter(options.filter);
    this.#batch = Math.max(1, options.maxBatchSize ?? DEFAULT_BATCH);
    this.#tracker = new CaughtUpTracker(this.#position);
    this.done = new Promise<void>((resolve, reject) => (this.#settle = { resolve, reject }));
    // A caller that never awaits `done` must not crash the process with an unhandled rejection.
    this.done.catch(() => undefined);
    void this.#start().catch((error: unknown) => this.#fail(error));
  }

  get caughtUp(): boolean {
    return this.#tracker.caughtUp;
  }

  get position(): number {
    return this.#position;
  }

  async close(): Promise<void> {
    if (this.#closed) return this.done;
    this.#closed = true;
    await this.#stream?.unsubscribe().catch(() => undefined);
    this.onEnd(this);
    this.#settle.resolve();
    return this.done;
  }

  async #start(): Promise<void> {
    // The head taken before subscribing bounds "everything that existed when it started".
    this.#tracker.setHead(await headPosition(this.client));
    if (this.#closed) return;
    const fromPosition = this.#position > 0 ? toKurrentDbPosition(this.#position) : START;
    const server = { ...this.#plan.server, checkpointReached: (_: unknown, at: Position) => this.#onCheckpoint(at) };
    const stream = this.client.subscribeToAll({ fromPosition, filter: server });
    this.#stream = stream;
    stream.on('data', (resolved: AllStreamResolvedEvent) => this.#onData(resolved));
    stream.on('caughtUp', () => this.#tracker.serverCaughtUp(stream.readableLength));
    stream.on('error', (error: Error) => this.#fail(error));
    stream.on('end', () => this.#fail(new Error('KurrentDB ended the subscription')));
    this.#pump();
  }

  #onCheckpoint(at: Position): void {
    if (this.#stream && this.#tracker.reachedHead(Number(at.commit))) {
      this.#tracker.serverCaughtUp(this.#stream.readableLength);
    }
  }

  #onData(resolved: AllStreamResolvedEvent): void {
    if (this.#closed) return;
    const event = toRecordedEvent(resolved);
    if (event && this.#tracker.seen(event.position) && this.#plan.matches(event)) {
      this.#queue.push(event);
      this.#tracker.enqueued(event.position);
    }
    this.#tracker.rawDelivered();
    if (this.#queue.length >= this.#batch * 4) this.#stream?.pause();
    this.#pump();
  }

  /** Runs at most one drain at a time, so batches never overlap and stay in global order. */
  #pump(): void {
    if (this.#busy || this.#closed) return;
    this.#busy = true;
    void this.#drain().then(
      () => {
        this.#busy = false;
        if (this.#queue.length > 0) this.#pump();
      },
      (error: unknown) => this.#fail(error),
    );
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0 && !this.#closed) {
      const batch = this.#queue.splice(0, this.#batch);
      this.#position = batch[batch.length - 1].position;
      await this.handler(batch);
      this.#tracker.handled(this.#position);
      if (this.#queue.length < this.#batch) this.#stream?.resume();
    }
    this.#tracker.handled(this.#position);
  }

  #fail(error: unknown): void {
    if (this.#closed) return;
    this.#closed = true;
    void this.#stream?.unsubscribe().catch(() => undefined);
    this.onEnd(this);
    this.#settle.reject(error);
  }
}
