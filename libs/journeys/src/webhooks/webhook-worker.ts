import type { SpanContext } from '@opentelemetry/api';
import type { EventStore, RecordedEvent } from '#event-store';
import type { OperationalStore } from '#read-store';
import type { IntegrationEvent } from '../integration/integration-event';
import { INTEGRATION_SOURCE_FILTER, matchesIntegrationFilter } from '../integration/integration-filter';
import { toIntegrationEvent } from '../integration/to-integration-event';
import {
  type WebhookSettings,
  inSpan,
  ATTR_ATTEMPTS,
  ATTR_ERROR_TYPE,
  ATTR_EVENT_TYPES,
  ATTR_POSITION,
  ATTR_WEBHOOK,
  contextOf,
  traceOf,
} from '#runtime';
import { SubscriptionLoop } from '../subscription-loop';
import { VersionedWriter } from '../versioned-writer';
import { webhookRetryDelay } from './backoff';
import { DeliveryProgress, type ProgressSnapshot } from './delivery-progress';
import { progressForLog } from './progress-for-log';
import { DEAD_LETTER_COLLECTION, PROGRESS_COLLECTION, type ActiveWebhook } from './webhook-registry';
import { postEvent } from './webhook-sender';
import { Gate, Slots } from './worker-sync';

/** Read ahead at most this many matching events while older ones wait (bounded memory). */
const MAX_PENDING = 1000;

export interface WorkerDeps {
  eventStore: EventStore;
  state: OperationalStore;
  settings: WebhookSettings;
  /** The CloudEvents `source` of every delivery (CLOUDEVENTS_SOURCE). */
  source: string;
  log: (line: string) => void;
  /** Where progress found foreign to the log is reported (defaults to `log`). */
  warn?: (line: string) => void;
}

class Stopped extends Error {}

/** An event waiting for delivery, with the trace of the command that recorded it (kept in memory only). */
interface Queued {
  event: IntegrationEvent;
  trace: SpanContext | undefined;
}

/**
 * Delivers one webhook's events: in order per subject (a subject's queue moves on only once its head
 * is delivered or dead-lettered), subjects in parallel up to the concurrency limit, each failure
 * retried with back-off. Progress and dead letters are committed together after every finished event.
 */
export class WebhookWorker {
  private readonly queues = new Map<string, Queued[]>();
  private readonly slots: Slots;
  private readonly gate = new Gate();
  private progress = new DeliveryProgress({ watermark: 0, doneAbove: [] });
  private loop: SubscriptionLoop | undefined;
  private running = false;
  private readonly runners = new Set<Promise<void>>();

  /** `writer` is shared with dead-letter replays of the same webhook, so their commits queue up. */
  constructor(
    private webhook: ActiveWebhook,
    private readonly deps: WorkerDeps,
    private readonly writer: VersionedWriter,
  ) {
    this.slots = new Slots(deps.settings.concurrency);
  }

  /** A rotated secret signs from the next attempt on (url and filter of an id never change). */
  useSigning(webhook: ActiveWebhook): void {
    this.webhook = { ...this.webhook, signing: webhook.signing };
  }

  start(): void {
    this.running = true;
    this.loop = new SubscriptionLoop({
      name: `webhook ${this.webhook.id}`,
      eventStore: this.deps.eventStore,
      filter: INTEGRATION_SOURCE_FILTER,
      checkpoint: () => this.resume(),
      handle: (batch) => this.read(batch),
      log: this.deps.log,
    });
    this.loop.start();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.gate.stop();
    await this.loop?.stop();
    await Promise.allSettled([...this.runners]);
  }

  /**
   * Every (re)start begins at the stored progress, checked against the log, with nothing queued in
   * memory. A correction is stored at once, so a crash before the next delivery cannot undo it.
   */
  private async resume(): Promise<number> {
    await Promise.allSettled([...this.runners]);
    this.queues.clear();
    const stored = await this.deps.state.get<ProgressSnapshot & { [key: string]: unknown }>(
      PROGRESS_COLLECTION,
      this.webhook.id,
    );
    const { snapshot, reason } = await progressForLog(
      this.deps.eventStore,
      stored?.doc ?? { watermark: 0, doneAbove: [] },
    );
    if (reason !== undefined) {
      (this.deps.warn ?? this.deps.log)(
        `webhook ${this.webhook.id}: delivery progress does not belong to this event log (${reason})`,
      );
      await this.writer.write([
        { kind: 'put', collection: PROGRESS_COLLECTION, id: this.webhook.id, doc: { ...snapshot } },
      ]);
    }
    this.progress = new DeliveryProgress(snapshot);
    return snapshot.watermark;
  }

  private async read(batch: readonly RecordedEvent[]): Promise<void> {
    for (const recorded of batch) {
      if (this.progress.isDone(recorded.position)) continue;
      const event = toIntegrationEvent(recorded);
      if (event !== undefined && matchesIntegrationFilter(event, this.webhook.filter))
        this.enqueue(recorded.stream, { event, trace: traceOf(recorded.metadata) });
    }
    const last = batch[batch.length - 1];
    if (last) this.progress.read(last.position, last.id);
    while (this.running && this.progress.pendingCount >= MAX_PENDING) await this.gate.wait();
  }

  private enqueue(stream: string, queued: Queued): void {
    this.progress.track(queued.event.position);
    const queue = this.queues.get(stream);
    if (queue) return void queue.push(queued);
    this.queues.set(stream, [queued]);
    const runner = this.drain(stream).catch((error) => {
      if (!(error instanceof Stopped))
        this.deps.log(`webhook ${this.webhook.id}: subject queue failed (${(error as Error).message})`);
    });
    this.runners.add(runner);
    void runner.finally(() => this.runners.delete(runner));
  }

  private async drain(stream: string): Promise<void> {
    const queue = this.queues.get(stream)!;
    while (queue.length > 0) {
      const { event, trace } = queue[0]!;
      const failure = await this.tracedDelivery(event, trace);
      await this.finish(event, failure);
      queue.shift();
    }
    this.queues.delete(stream);
  }

  /** One span per delivery (all its attempts), in the trace of the command that recorded the event. */
  private tracedDelivery(
    event: IntegrationEvent,
    trace: SpanContext | undefined,
  ): ReturnType<WebhookWorker['deliver']> {
    const attributes = {
      [ATTR_WEBHOOK]: this.webhook.id,
      [ATTR_EVENT_TYPES]: [event.type],
      [ATTR_POSITION]: event.position,
    };
    return inSpan('webhook delivery', { attributes, parent: contextOf(trace) }, async (span) => {
      const failure = await this.deliver(event);
      if (failure) span.setAttributes({ [ATTR_ATTEMPTS]: failure.attempts, [ATTR_ERROR_TYPE]: failure.error });
      return failure;
    });
  }

  /** Undefined when delivered; the last error when every attempt failed. */
  private async deliver(event: IntegrationEvent): Promise<{ error: string; attempts: number } | undefined> {
    const { maxAttempts } = this.deps.settings;
    for (let attempt = 1; ; attempt++) {
      if (!this.running) throw new Stopped();
      const result = await this.slots.run(() =>
        postEvent(
          { url: this.webhook.url, signing: this.webhook.signing, source: this.deps.source },
          event,
          attempt,
          this.deps.settings,
        ),
      );
      if (result.ok) return undefined;
      if (attempt >= maxAttempts) return { error: result.error, attempts: attempt };
      const delay = webhookRetryDelay(this.deps.settings, attempt);
      this.deps.log(
        `webhook ${this.webhook.id}: event at ${event.position} attempt ${attempt} failed (${result.error}); retry in ${delay} ms`,
      );
      await this.gate.sleep(delay);
    }
  }

  private async finish(
    event: IntegrationEvent,
    failure: { error: string; attempts: number } | undefined,
  ): Promise<void> {
    if (!this.running) throw new Stopped();
    this.progress.complete(event.position);
    const writes: Parameters<VersionedWriter['write']>[0][number][] = [
      { kind: 'put', collection: PROGRESS_COLLECTION, id: this.webhook.id, doc: { ...this.progress.snapshot() } },
    ];
    if (failure) {
      this.deps.log(
        `webhook ${this.webhook.id}: event at ${event.position} dead-lettered after ${failure.attempts} attempts (${failure.error})`,
      );
      const doc = {
        webhookId: this.webhook.id,
        event,
        attempts: failure.attempts,
        lastError: failure.error,
        deadLetteredAt: new Date().toISOString(),
      };
      writes.push({
        kind: 'put',
        collection: DEAD_LETTER_COLLECTION,
        id: deadLetterId(this.webhook.id, event.position),
        doc,
      });
    }
    await this.writer.write(writes);
    this.gate.open();
  }
}

/** Sorts by position within a webhook (ids ascend in byte order). */
export function deadLetterId(webhookId: string, position: number): string {
  return `${webhookId}:${String(position).padStart(16, '0')}`;
}
