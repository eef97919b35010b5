import { VersionedWriter } from '../versioned-writer';
import { listDeadLetters, replayDeadLetters, type DeadLetter, type ReplayOutcome } from './dead-letters';
import { WEBHOOK_INDEXES, type WebhookRegistry } from './webhook-registry';
import { WebhookWorker, type WorkerDeps } from './webhook-worker';

/** How often registrations made by another api instance are picked up. */
const REFRESH_MS = 5_000;

/**
 * One worker per registered webhook, started and stopped as registrations come and go, while this
 * process runs the journey workers (it holds their lease, see JourneyWorkersLease).
 */
export class WebhookDispatcher {
  private readonly workers = new Map<string, WebhookWorker>();
  private readonly writers = new Map<string, VersionedWriter>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> = Promise.resolve();
  private run = false;

  constructor(
    readonly registry: WebhookRegistry,
    private readonly deps: WorkerDeps,
  ) {}

  /** The registry's indexes, in every process (registrations are made wherever the api runs). */
  prepare(): Promise<void> {
    return this.deps.state.ensureIndexes(WEBHOOK_INDEXES);
  }

  async start(): Promise<void> {
    this.run = true;
    await this.refresh();
    this.timer = setInterval(
      () => void this.refresh().catch((e: Error) => this.deps.log(`webhooks: refresh failed (${e.message})`)),
      REFRESH_MS,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.run = false;
    clearInterval(this.timer);
    await this.refreshing;
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
    this.workers.clear();
  }

  /** Starts workers for new registrations, stops those of deleted ones, hands rotated secrets on (serialised). */
  refresh(): Promise<void> {
    if (!this.run) return Promise.resolve();
    this.refreshing = this.refreshing.then(() => this.reconcile());
    return this.refreshing;
  }

  deadLetters(webhookId: string): Promise<DeadLetter[]> {
    return listDeadLetters(this.deps.state, webhookId);
  }

  async replay(webhookId: string): Promise<ReplayOutcome | undefined> {
    const webhook = (await this.registry.active()).find((w) => w.id === webhookId);
    if (!webhook) return undefined;
    return replayDeadLetters(this.deps.state, this.writerFor(webhookId), webhook, this.deps.settings, this.deps.source);
  }

  private async reconcile(): Promise<void> {
    const active = await this.registry.active();
    const ids = new Set(active.map((w) => w.id));
    for (const [id, worker] of this.workers) {
      if (ids.has(id)) continue;
      this.workers.delete(id);
      await worker.stop();
    }
    for (const webhook of active) {
      const running = this.workers.get(webhook.id);
      if (running) {
        running.useSigning(webhook);
        continue;
      }
      const worker = new WebhookWorker(webhook, this.deps, this.writerFor(webhook.id));
      this.workers.set(webhook.id, worker);
      worker.start();
    }
  }

  private writerFor(webhookId: string): VersionedWriter {
    let writer = this.writers.get(webhookId);
    if (!writer) this.writers.set(webhookId, (writer = new VersionedWriter(this.deps.state, `webhook:${webhookId}`)));
    return writer;
  }
}
