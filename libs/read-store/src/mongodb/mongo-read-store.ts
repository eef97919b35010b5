import type { ClientSession, Db, MongoClient } from 'mongodb';
import { checkPosition, checkProjection } from '../names';
import type {
  ChangesPage,
  ChangesQuery,
  CheckpointMark,
  CommitResult,
  EqualityFilter,
  FindOptions,
  IndexSpec,
  JsonObject,
  Page,
  QueryPlan,
  RangeKey,
  RangeQuery,
  ReadModelSpec,
  ReadStore,
  ReadStoreHealth,
  StoredDocument,
  SwapOptions,
  WriteBatch,
} from '../read-store.port';
import { connectMongo, redactText, SERVER_SELECTION_TIMEOUT_MS } from './mongo-connect';
import { IndexRegistry } from './mongo-indexes';
import * as queries from './mongo-queries';
import * as rebuild from './mongo-rebuild';
import * as ranges from './mongo-range-scan';
import { checkpoints } from './mongo-shape';
import { commitBatch, readCheckpoint, readCheckpointMark } from './mongo-writes';

/** The production read store: one collection per read-model collection, checkpoints in `_checkpoints`. */
export class MongoReadStore implements ReadStore {
  readonly adapter = 'mongodb' as const;
  private readonly registry: IndexRegistry;

  private constructor(
    private readonly client: MongoClient,
    readonly db: Db,
    readonly transactions: boolean,
    private readonly uri: string,
  ) {
    this.registry = new IndexRegistry(db);
  }

  /** Throws ReadStoreUnavailableError naming MONGODB_URI (password hidden) when the server cannot be reached. */
  static async connect(uri: string, timeoutMs = SERVER_SELECTION_TIMEOUT_MS): Promise<MongoReadStore> {
    const { client, db, transactions } = await connectMongo(uri, timeoutMs);
    return new MongoReadStore(client, db, transactions, uri);
  }

  async ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    await this.registry.ensure(indexes);
  }

  async commit(batch: WriteBatch): Promise<CommitResult> {
    if (!this.transactions) return commitBatch(this.db, batch);
    const session: ClientSession = this.client.startSession();
    try {
      return await commitBatch(this.db, batch, session);
    } finally {
      await session.endSession();
    }
  }

  async get<T extends JsonObject = JsonObject>(collection: string, id: string): Promise<StoredDocument<T> | undefined> {
    return queries.get<T>(this.db, collection, id);
  }

  async getMany<T extends JsonObject = JsonObject>(
    collection: string,
    ids: readonly string[],
  ): Promise<StoredDocument<T>[]> {
    return queries.getMany<T>(this.db, collection, ids);
  }

  async find<T extends JsonObject = JsonObject>(
    collection: string,
    filter: EqualityFilter,
    options?: FindOptions,
  ): Promise<Page<T>> {
    return queries.find<T>(this.db, this.registry, collection, filter, options);
  }

  async count(collection: string, filter?: EqualityFilter): Promise<number> {
    return queries.count(this.db, this.registry, collection, filter);
  }

  scan<T extends JsonObject = JsonObject>(collection: string, query: RangeQuery): AsyncIterable<StoredDocument<T>> {
    return ranges.scan<T>(this.db, this.registry, collection, query);
  }

  changes<T extends JsonObject = JsonObject>(collection: string, query: ChangesQuery): Promise<ChangesPage<T>> {
    return queries.changes<T>(this.db, collection, query);
  }

  keyAt(collection: string, query: RangeQuery, n: number): Promise<RangeKey | undefined> {
    return ranges.keyAt(this.db, this.registry, collection, query, n);
  }

  async explain(collection: string, filter: EqualityFilter): Promise<QueryPlan> {
    return queries.explain(this.db, this.registry, collection, filter);
  }

  async getCheckpoint(projection: string): Promise<number> {
    return readCheckpoint(this.db, checkProjection(projection));
  }

  async getCheckpointMark(projection: string): Promise<CheckpointMark> {
    return readCheckpointMark(this.db, checkProjection(projection));
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    checkPosition('checkpoint', position);
    await checkpoints(this.db).updateOne(
      { _id: checkProjection(projection) },
      { $set: { position, eventId: null } },
      { upsert: true },
    );
  }

  async reset(model: ReadModelSpec): Promise<void> {
    await rebuild.reset(this.db, this.registry, model);
  }

  async beginRebuild(model: ReadModelSpec): Promise<ReadModelSpec> {
    return rebuild.beginRebuild(this.db, this.registry, model);
  }

  async swapRebuild(model: ReadModelSpec, options?: SwapOptions): Promise<void> {
    await rebuild.swapRebuild(this.db, this.registry, model, options);
  }

  /** Another client's writes cannot be seen without a round trip, which is what the stamp saves. */
  writeStamp(): undefined {
    return undefined;
  }

  async health(): Promise<ReadStoreHealth> {
    const base = { adapter: 'mongodb' as const, atomicBatches: this.transactions };
    try {
      await this.db.command({ ping: 1 });
      return { ...base, up: true, detail: `database ${this.db.databaseName}` };
    } catch (error) {
      return { ...base, up: false, detail: redactText((error as Error).message, this.uri) };
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
