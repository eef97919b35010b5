import type Database from 'better-sqlite3';
import { EventStoreUnavailableError } from '../errors';
import type {
  AppendResult,
  BatchHandler,
  EventData,
  EventFilter,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreHealth,
  StreamMetadata,
  StreamRead,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { toAppendRequest, WriteBatchWriter, type WriteRequest, type WriteResult } from './append-batch';
import { BatchQueue } from './batch-queue';
import { ChangeNotifier } from './change-notifier';
import { validateExpected } from './expected-revision';
import { openDatabase } from './open-database';
import { NO_LIMIT, ReadAllQuery } from './read-all-query';
import { metadataColumns, toRecordedEvents } from './row-mapper';
import { prepareStatements, type Statements } from './statements';
import { readStreamRows } from './stream-reader';
import { DEFAULT_PAGE_SIZE, SqliteSubscription } from './subscription';
import { WriterThread } from './writer-client';

/** Events in a batch from which it is committed on the writer thread instead of this one. */
export const OFFLOAD_EVENTS = 256;

/**
 * The embedded EventStore: one SQLite file in WAL mode. Every write goes through one queue,
 * grouped into shared durable commits, one batch at a time. A small batch commits on this
 * thread's connection: the hop to another thread and back costs more than its commit (a single
 * sequential append took 3x as long). A batch of OFFLOAD_EVENTS or more (a bulk import's wave, a
 * burst of concurrent commands) commits on the writer thread's connection, so building its pages,
 * fsync and checkpoints leave the event loop free. Only one batch is ever in flight, so the two
 * connections never wait on each other's write lock.
 */
export class SqliteEventStore implements EventStore {
  readonly adapter = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly st: Statements;
  private readonly all: ReadAllQuery;
  private readonly queue: BatchQueue<WriteRequest, WriteResult>;
  private readonly writer: WriterThread;
  private readonly inline: WriteBatchWriter;
  private readonly notifier: ChangeNotifier;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private closed = false;
  private closing: Promise<void> | undefined;

  /** @param file the database file, e.g. `<DATA_DIR>/events.sqlite`; throws EventStoreUnavailableError. */
  constructor(readonly file: string) {
    this.db = openDatabase(file);
    this.st = prepareStatements(this.db);
    this.all = new ReadAllQuery(this.db);
    this.writer = new WriterThread(file);
    this.inline = new WriteBatchWriter(this.st, () => this.db.inTransaction);
    this.queue = new BatchQueue((reqs) => this.commitBatch(reqs));
    this.notifier = new ChangeNotifier(() => this.st.dataVersion.get() as number);
  }

  appendToStream(stream: string, events: readonly EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    try {
      this.assertOpen();
      return this.queue.enqueue(toAppendRequest(stream, events, expected)) as Promise<AppendResult>;
    } catch (err) {
      return Promise.reject(err);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const now = Date.now();
    return toRecordedEvents(this.db.transaction(() => readStreamRows(this.st, stream, options, now))());
  }

  /** One read transaction for them all: the lists come from one snapshot of the log. */
  async readStreams(reads: readonly StreamRead[]): Promise<RecordedEvent[][]> {
    this.assertOpen();
    const now = Date.now();
    const rows = this.db.transaction(() =>
      reads.map(({ stream, fromRevision }) => readStreamRows(this.st, stream, { fromRevision }, now)),
    )();
    return rows.map(toRecordedEvents);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readPage(options.after ?? 0, options.maxCount ?? NO_LIMIT, options.filter);
  }

  subscribeToAll(options: SubscribeOptions, handler: BatchHandler): Subscription {
    this.assertOpen();
    const source = {
      // One read transaction: the head is read in the page's snapshot, so nothing committed between is skipped.
      readPage: (after: number, max: number, filter: EventFilter | undefined) =>
        this.db.transaction(() => ({
          events: this.readPage(after, max, filter),
          head: this.st.head.get() as number,
        }))(),
      listen: (wake: () => void) => this.notifier.listen(wake),
    };
    const pageSize = options.maxBatchSize ?? DEFAULT_PAGE_SIZE;
    const sub = new SqliteSubscription(source, handler, options.after ?? 0, options.filter, pageSize);
    this.subscriptions.add(sub);
    const forget = () => this.subscriptions.delete(sub);
    sub.done.then(forget, forget);
    return sub;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.st.head.get() as number;
  }

  async getStreamMetadata(stream: string): Promise<StreamMetadata | undefined> {
    this.assertOpen();
    const json = this.st.getMetadata.get(stream) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as StreamMetadata);
  }

  async setStreamMetadata(stream: string, metadata: StreamMetadata): Promise<void> {
    this.assertOpen();
    await this.queue.enqueue({ op: 'metadata', stream, columns: metadataColumns(metadata) });
  }

  async deleteStream(stream: string, expected: ExpectedRevision = 'any'): Promise<void> {
    this.assertOpen();
    validateExpected(expected);
    // In the same queue as the appends, so a delete never overtakes an append made before it.
    await this.queue.enqueue({ op: 'delete', stream, expected });
  }

  async health(): Promise<StoreHealth> {
    if (this.closed) return { adapter: 'sqlite', ok: false, detail: `${this.file} is closed` };
    try {
      const degraded =
        this.writer.problem === undefined ? '' : `; ${this.writer.problem}, so every batch commits on the main thread`;
      return { adapter: 'sqlite', ok: true, detail: `${this.file}, head position ${this.st.head.get()}${degraded}` };
    } catch (err) {
      return { adapter: 'sqlite', ok: false, detail: `${this.file}: ${(err as Error).message}` };
    }
  }

  /** Every write accepted before the call is committed first; nothing accepted is dropped. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    await this.queue.drain();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.notifier.stop();
    await this.writer.close();
    this.db.close();
  }

  private async commitBatch(reqs: readonly WriteRequest[]) {
    const events = reqs.reduce((n, req) => n + (req.op === 'append' ? req.ids.length : 1), 0);
    // Without its writer thread (it died: the in-flight batch failed) the store still writes here.
    const offload = events >= OFFLOAD_EVENTS && this.writer.problem === undefined;
    const outcomes = offload ? await this.writer.run(reqs) : this.inline.run(reqs);
    this.notifier.notify();
    return outcomes;
  }

  private readPage(after: number, maxCount: number, filter: EventFilter | undefined): RecordedEvent[] {
    return toRecordedEvents(this.all.read(after, maxCount, filter));
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError(`The event store ${this.file} is closed`, 'DATA_DIR');
  }
}
