import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { isSignedCheckpoint, signCheckpoint, StreamHeads, type AuditSigningKey, type SignedCheckpoint } from '#audit';
import { AUDIT_ANCHOR_STREAM } from '#domain';
import type { EventStore, RecordedEvent, Subscription } from '#event-store';
import { CommandExecutor } from '../commands/command-executor';
import { plainCodec } from '../commands/event-codec';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG, EVENT_STORE } from '../infrastructure/tokens';
import { anchorDecider } from './anchor-decider';
import { AUDIT_SIGNING_KEY } from './tokens';

/**
 * Appends a signed checkpoint to `audit-anchors` every N events or T seconds while anything
 * changed. The heads of all streams are rebuilt by reading the log once at start (measured and
 * logged), then kept current from the subscription.
 */
@Injectable()
export class AuditCheckpointService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('AuditCheckpoints');
  private readonly heads = new StreamHeads();
  private position = 0;
  private anchoredLogSize = 0;
  private subscription?: Subscription;
  private timer?: NodeJS.Timeout;
  private writing: Promise<unknown> = Promise.resolve();
  private started?: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
    private readonly executor: CommandExecutor,
  ) {}

  onApplicationBootstrap(): void {
    this.started = this.start();
    this.started.catch((error: unknown) => this.log.error(`checkpoints stopped: ${(error as Error).message}`));
  }

  /** Records a checkpoint now if the log grew since the last one; the recorded checkpoint, else undefined. */
  async checkpointNow(): Promise<SignedCheckpoint | undefined> {
    await this.started;
    if (this.heads.logSize <= this.anchoredLogSize) return undefined;
    const signed = signCheckpoint(this.snapshot(), this.key);
    const before = this.anchoredLogSize;
    // Counted as anchored at once, so batches arriving during the append do not anchor it twice.
    this.anchoredLogSize = signed.checkpoint.logSize;
    const write = this.writing.then(() => this.append(signed));
    this.writing = write.catch(() => {
      if (this.anchoredLogSize === signed.checkpoint.logSize) this.anchoredLogSize = before;
    });
    return write;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.started?.catch(() => undefined);
    await this.subscription?.close();
    await this.writing;
  }

  private async start(): Promise<void> {
    const begin = performance.now();
    for (let batch = await this.store.readAll({ maxCount: 5000 }); batch.length > 0; batch = await this.store.readAll({ after: this.position, maxCount: 5000 })) {
      this.observe(batch);
    }
    const ms = Math.round(performance.now() - begin);
    this.log.log(`stream heads rebuilt from ${this.heads.logSize} events of ${this.heads.size} streams in ${ms} ms`);
    this.subscription = this.store.subscribeToAll({ after: this.position }, (events) => this.onEvents(events));
    this.subscription.done.catch((error: unknown) => this.log.error(`checkpoint subscription ended: ${(error as Error).message}`));
    this.timer = setInterval(() => this.due('time'), this.config.audit.checkpointEverySeconds * 1000);
    this.timer.unref();
  }

  private onEvents(events: readonly RecordedEvent[]): void {
    this.observe(events);
    this.due('events');
  }

  private observe(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (event.stream === AUDIT_ANCHOR_STREAM && isSignedCheckpoint(event.data)) {
        this.anchoredLogSize = Math.max(this.anchoredLogSize, event.data.checkpoint.logSize);
      }
      this.heads.apply(event);
      this.position = event.position;
    }
  }

  private due(reason: 'events' | 'time'): void {
    const pending = this.heads.logSize - this.anchoredLogSize;
    if (pending <= 0 || (reason === 'events' && pending < this.config.audit.checkpointEveryEvents)) return;
    this.checkpointNow().catch((error: unknown) => this.log.error(`checkpoint failed: ${(error as Error).message}`));
  }

  private snapshot() {
    const { logSize, size: streams } = this.heads;
    return { logSize, position: this.position, streams, merkleRoot: this.heads.root(), time: new Date().toISOString(), keyId: this.key.keyId };
  }

  private async append(signed: SignedCheckpoint): Promise<SignedCheckpoint | undefined> {
    const context = { actor: 'audit-checkpoints', now: signed.checkpoint.time };
    const command = { type: 'RecordCheckpoint' as const, data: signed };
    const result = await this.executor.execute({ stream: AUDIT_ANCHOR_STREAM, decider: anchorDecider, command, codec: plainCodec, context });
    return result.events.length > 0 ? signed : undefined;
  }
}
