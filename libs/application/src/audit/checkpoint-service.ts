import { mkdir } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  CHECKPOINT_TREE,
  isLegacyCheckpoint,
  isSignedCheckpoint,
  LogTree,
  signCheckpoint,
  type AuditSigningKey,
  type Checkpoint,
  type SignedCheckpoint,
  type TreeInclusion,
  type TreeProofs,
} from '#audit';
import { AUDIT_ANCHOR_STREAM } from '#domain';
import type { EventStore, RecordedEvent, Subscription } from '#event-store';
import { CommandExecutor } from '../commands/command-executor';
import { plainCodec } from '../commands/event-codec';
import { type AppConfig, APP_CONFIG, EVENT_STORE } from '#runtime';
import { anchorDecider } from './anchor-decider';
import { appendAnchorLine } from './anchor-file';
import { toAnchorRecord, type AnchorRecord } from './checkpoint-list';
import { AUDIT_SIGNING_KEY } from './tokens';

/**
 * Appends a signed checkpoint (size and root of the log's tree, RFC 6962) to `audit-anchors` every
 * N events or T seconds while anything changed. The tree is built by reading the log once at start
 * (measured and logged), then grows by O(log n) hashes an event from the subscription, so a
 * checkpoint costs O(log^2 n) whatever the number of subjects. It also answers inclusion proofs.
 */
@Injectable()
export class AuditCheckpointService implements OnApplicationBootstrap, OnModuleDestroy, TreeProofs {
  private readonly log = new Logger('AuditCheckpoints');
  private readonly tree = new LogTree();
  private position = 0;
  private anchoredLogSize = 0;
  private latest?: AnchorRecord;
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
    if (this.tree.size <= this.anchoredLogSize) return undefined;
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

  async inclusionOf(position: number): Promise<TreeInclusion | undefined> {
    await this.started;
    const anchor = this.latest;
    const leafIndex = this.tree.leafAt(position);
    if (!anchor || leafIndex === undefined || leafIndex >= anchor.checkpoint.logSize) return undefined;
    const { checkpoint, algorithm, signature, revision: anchorRevision } = anchor;
    const treeSize = checkpoint.logSize;
    return {
      checkpoint,
      algorithm,
      signature,
      anchorRevision,
      leafIndex,
      treeSize,
      path: this.tree.inclusion(leafIndex, treeSize),
    };
  }

  /** PROOF(first, second) of RFC 6962 2.1.2 over the log's tree, hex; undefined while the tree is smaller than `second`. */
  async consistencyBetween(first: number, second: number): Promise<string[] | undefined> {
    await this.started;
    return second > this.tree.size ? undefined : this.tree.consistency(first, second);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.started?.catch(() => undefined);
    await this.subscription?.close();
    await this.writing;
  }

  private async start(): Promise<void> {
    if (this.config.audit.anchorDir) await mkdir(this.config.audit.anchorDir, { recursive: true });
    const begin = performance.now();
    for (
      let batch = await this.store.readAll({ maxCount: 5000 });
      batch.length > 0;
      batch = await this.store.readAll({ after: this.position, maxCount: 5000 })
    ) {
      this.observe(batch);
    }
    const ms = Math.round(performance.now() - begin);
    this.log.log(`log tree rebuilt from ${this.tree.size} events in ${ms} ms`);
    this.subscription = this.store.subscribeToAll({ after: this.position }, (events) => this.onEvents(events));
    this.subscription.done.catch((error: unknown) =>
      this.log.error(`checkpoint subscription ended: ${(error as Error).message}`),
    );
    this.timer = setInterval(() => this.due('time'), this.config.audit.checkpointEverySeconds * 1000);
    this.timer.unref();
  }

  private onEvents(events: readonly RecordedEvent[]): void {
    this.observe(events);
    this.due('events');
  }

  private observe(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (event.stream === AUDIT_ANCHOR_STREAM && isSignedCheckpoint(event.data)) this.anchored(event);
      this.tree.apply(event);
      this.position = event.position;
    }
  }

  private anchored(event: RecordedEvent): void {
    const record = toAnchorRecord(event)!;
    this.anchoredLogSize = Math.max(this.anchoredLogSize, record.checkpoint.logSize);
    if (isLegacyCheckpoint(record.checkpoint)) return;
    if (record.revision > (this.latest?.revision ?? -1)) this.latest = record;
  }

  /** Each instance keeps the anchors it records, fsynced before the checkpoint is reported; a failure is logged. */
  private async keep(record: AnchorRecord): Promise<void> {
    const dir = this.config.audit.anchorDir;
    if (dir)
      await appendAnchorLine(dir, record).catch((error: unknown) =>
        this.log.error(`anchor not kept in AUDIT_ANCHOR_DIR: ${(error as Error).message}`),
      );
  }

  private due(reason: 'events' | 'time'): void {
    const pending = this.tree.size - this.anchoredLogSize;
    if (pending <= 0 || (reason === 'events' && pending < this.config.audit.checkpointEveryEvents)) return;
    this.checkpointNow().catch((error: unknown) => this.log.error(`checkpoint failed: ${(error as Error).message}`));
  }

  private snapshot(): Checkpoint {
    const { size: logSize } = this.tree;
    return {
      tree: CHECKPOINT_TREE,
      logSize,
      position: this.position,
      merkleRoot: this.tree.root(),
      time: new Date().toISOString(),
      keyId: this.key.keyId,
    };
  }

  private async append(signed: SignedCheckpoint): Promise<SignedCheckpoint | undefined> {
    const context = { actor: 'audit-checkpoints', now: signed.checkpoint.time };
    const command = { type: 'RecordCheckpoint' as const, data: signed };
    const result = await this.executor.execute({
      stream: AUDIT_ANCHOR_STREAM,
      decider: anchorDecider,
      command,
      codec: plainCodec,
      context,
    });
    if (result.events.length === 0) return undefined;
    // Proofs may rest on it at once, before the subscription brings the anchor event back.
    const [event] = await this.store.readStream(AUDIT_ANCHOR_STREAM, { fromRevision: result.revision, maxCount: 1 });
    const record = event && toAnchorRecord(event);
    if (!record) return signed;
    if (record.revision > (this.latest?.revision ?? -1)) this.latest = record;
    await this.keep(record);
    return signed;
  }
}
