import { BACKWARDS, END, FORWARDS, START } from '@kurrent/kurrentdb-client';
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type {
  AppendResult,
  BatchHandler,
  EventData,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StreamRead,
  RecordedEvent,
  StoreHealth,
  StreamMetadata,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { WrongExpectedVersionError } from '../errors';
import { connectClient, probe } from './kurrentdb-connect';
import { isStreamGone, toDomainError } from './kurrentdb-errors';
import { planFilter } from './kurrentdb-filter';
import { checkRevision, commitOf, toKurrentDbExpected, toEventData, toRecordedEvent } from './kurrentdb-mapping';
import { fromKurrentDbMetadata, toKurrentDbMetadata } from './kurrentdb-metadata';
import { collect, headPosition, readAllForwards } from './kurrentdb-reads';
import { KurrentDbSubscription } from './kurrentdb-subscription';

const HEALTH_DEADLINE_MS = 2_000;

/** EventStore on KurrentDB (formerly EventStoreDB) through its client; see event-store.port.ts for the contract. */
export class KurrentDbEventStore implements EventStore {
  readonly adapter = 'kurrentdb' as const;
  readonly #subscriptions = new Set<KurrentDbSubscription>();
  #closed = false;

  constructor(private readonly client: KurrentDBClient) {}

  /**
   * Parses the connection string and checks that the server answers within a short deadline;
   * `setting` is the variable that errors name (the one the operator set).
   */
  static async connect(connectionString: string, setting: string): Promise<KurrentDbEventStore> {
    return new KurrentDbEventStore(await connectClient(connectionString, setting));
  }

  async appendToStream(
    stream: string,
    events: readonly EventData[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    try {
      const result = await this.client.appendToStream(stream, events.map(toEventData), {
        streamState: toKurrentDbExpected(expected),
      });
      const nextExpectedRevision = Number(result.nextExpectedRevision);
      const position = result.position
        ? commitOf(result.position)
        : await this.#positionOf(stream, nextExpectedRevision);
      return { nextExpectedRevision, position };
    } catch (error) {
      throw toDomainError(error, stream, expected);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    try {
      const read = this.client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: from === undefined ? (backwards ? END : START) : BigInt(checkRevision(from)),
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
      return (await collect(read)).map(toRecordedEvent).filter((event) => event !== undefined);
    } catch (error) {
      // Port rule: an unknown or (soft-)deleted stream reads as empty.
      if (isStreamGone(error)) return [];
      throw error;
    }
  }

  /** KurrentDB has no multi-stream read: one read per stream, concurrently on the one connection. */
  readStreams(reads: readonly StreamRead[]): Promise<RecordedEvent[][]> {
    return Promise.all(reads.map(({ stream, fromRevision }) => this.readStream(stream, { fromRevision })));
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAllForwards(this.client, {
      after: options.after ?? 0,
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      plan: planFilter(options.filter),
    });
  }

  subscribeToAll(options: SubscribeOptions, handler: BatchHandler): Subscription {
    if (this.#closed) throw new Error('KurrentDbEventStore is closed');
    const subscription = new KurrentDbSubscription(this.client, options, handler, (s) => this.#subscriptions.delete(s));
    this.#subscriptions.add(subscription);
    return subscription;
  }

  headPosition(): Promise<number> {
    return headPosition(this.client);
  }

  async getStreamMetadata(stream: string): Promise<StreamMetadata | undefined> {
    const result = await this.client.getStreamMetadata(stream);
    return fromKurrentDbMetadata(result.metadata);
  }

  async setStreamMetadata(stream: string, metadata: StreamMetadata): Promise<void> {
    await this.client.setStreamMetadata(stream, toKurrentDbMetadata(metadata));
  }

  async deleteStream(stream: string, expected: ExpectedRevision = 'any'): Promise<void> {
    try {
      const expectedRevision = await this.#deleteExpectation(stream, expected);
      await this.client.deleteStream(stream, { expectedRevision });
    } catch (error) {
      if (expected === 'any' && isStreamGone(error)) return;
      throw toDomainError(error, stream, expected);
    }
  }

  async health(): Promise<StoreHealth> {
    try {
      const head = await probe(this.client, HEALTH_DEADLINE_MS);
      return { adapter: 'kurrentdb', ok: true, detail: `connected; head position ${head}` };
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return { adapter: 'kurrentdb', ok: false, detail: `KurrentDB unreachable: ${message}` };
    }
  }

  /** Ends every subscription, then the client's streams, so that no gRPC call keeps the process alive. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled([...this.#subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  // deleteStream's expected revision has no "stream exists" value: we pin the current revision instead.
  async #deleteExpectation(stream: string, expected: ExpectedRevision) {
    if (expected !== 'stream_exists') return toKurrentDbExpected(expected) as 'any' | 'no_stream' | bigint;
    const [last] = await this.readStream(stream, { direction: 'backwards', maxCount: 1 });
    if (!last) throw new WrongExpectedVersionError(stream, expected, -1);
    return BigInt(last.revision);
  }

  /** Fallback for servers that do not report the position of an append. */
  async #positionOf(stream: string, revision: number): Promise<number> {
    const [event] = await this.readStream(stream, { fromRevision: revision, maxCount: 1 });
    return event?.position ?? 0;
  }
}
