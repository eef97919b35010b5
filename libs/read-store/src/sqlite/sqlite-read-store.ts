import type Database from 'better-sqlite3';
import { truncateWal } from '#sqlite';
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
import { checkPosition, checkProjection } from '../names';
import { commitBatch, readCheckpoint, readCheckpointMark, writeCheckpoint } from './batch-commit';
import { Catalog } from './catalog';
import { openReadDatabase, type ReadDatabaseOptions } from './open-read-database';
import * as queries from './queries';
import * as rebuild from './rebuild';
import * as ranges from './range-scan';

/**
 * The embedded read store: one table of JSON documents per collection, one side table per
 * declared index, all in `<DATA_DIR>/read.sqlite`. better-sqlite3 is synchronous; the port is
 * async so that both adapters can be used alike.
 */
export class SqliteReadStore implements ReadStore {
  readonly adapter = 'sqlite' as const;
  private readonly catalog: Catalog;
  /** Writes through this connection, which PRAGMA data_version does not count. */
  private ownWrites = 0;
  private dataVersion: Database.Statement | undefined;

  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {
    this.catalog = new Catalog(db);
  }

  /** `file` is `<DATA_DIR>/read.sqlite`; throws ReadStoreUnavailableError naming it and DATA_DIR. */
  static async open(file: string, options: ReadDatabaseOptions = {}): Promise<SqliteReadStore> {
    return new SqliteReadStore(openReadDatabase(file, options), file);
  }

  async ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    const run = this.db.transaction(() => {
      this.catalog.refresh();
      for (const spec of indexes) this.catalog.ensureIndex(spec);
      for (const collection of new Set(indexes.map((spec) => spec.collection)))
        this.catalog.ensureChangeKey(collection);
    });
    try {
      run.immediate();
    } catch (err) {
      this.catalog.forget();
      throw err;
    } finally {
      this.ownWrites++;
    }
  }

  async commit(batch: WriteBatch): Promise<CommitResult> {
    this.ownWrites++;
    const result = commitBatch(this.catalog, batch);
    // A reader still busy leaves the WAL to the next erasure.
    if (batch.erasure && result.committed) truncateWal(this.db);
    return result;
  }

  async get<T extends JsonObject = JsonObject>(collection: string, id: string): Promise<StoredDocument<T> | undefined> {
    return queries.get<T>(this.catalog, collection, id);
  }

  async getMany<T extends JsonObject = JsonObject>(
    collection: string,
    ids: readonly string[],
  ): Promise<StoredDocument<T>[]> {
    return queries.getMany<T>(this.catalog, collection, ids);
  }

  async find<T extends JsonObject = JsonObject>(
    collection: string,
    filter: EqualityFilter,
    options?: FindOptions,
  ): Promise<Page<T>> {
    return queries.find<T>(this.catalog, collection, filter, options);
  }

  async count(collection: string, filter?: EqualityFilter): Promise<number> {
    return queries.count(this.catalog, collection, filter);
  }

  scan<T extends JsonObject = JsonObject>(collection: string, query: RangeQuery): AsyncIterable<StoredDocument<T>> {
    return ranges.scan<T>(this.catalog, collection, query);
  }

  async changes<T extends JsonObject = JsonObject>(collection: string, query: ChangesQuery): Promise<ChangesPage<T>> {
    return queries.changes<T>(this.catalog, collection, query);
  }

  async keyAt(collection: string, query: RangeQuery, n: number): Promise<RangeKey | undefined> {
    return ranges.keyAt(this.catalog, collection, query, n);
  }

  async explain(collection: string, filter: EqualityFilter): Promise<QueryPlan> {
    return queries.explain(this.catalog, collection, filter);
  }

  async getCheckpoint(projection: string): Promise<number> {
    return readCheckpoint(this.catalog, checkProjection(projection));
  }

  async getCheckpointMark(projection: string): Promise<CheckpointMark> {
    return readCheckpointMark(this.catalog, checkProjection(projection));
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    checkPosition('checkpoint', position);
    this.ownWrites++;
    writeCheckpoint(this.catalog, checkProjection(projection), position);
  }

  async reset(model: ReadModelSpec): Promise<void> {
    this.ownWrites++;
    rebuild.reset(this.catalog, model);
  }

  async beginRebuild(model: ReadModelSpec): Promise<ReadModelSpec> {
    this.ownWrites++;
    return rebuild.beginRebuild(this.catalog, model);
  }

  async swapRebuild(model: ReadModelSpec, options?: SwapOptions): Promise<void> {
    this.ownWrites++;
    rebuild.swapRebuild(this.catalog, model, options);
  }

  /**
   * PRAGMA data_version moves when another connection (a projector process, a worker thread, the
   * CLI) commits to the file; this connection's own writes are counted beside it. One cheap
   * statement, where reading a checkpoint mark takes two.
   */
  writeStamp(): string {
    this.dataVersion ??= this.db.prepare('PRAGMA data_version').pluck();
    return `${this.dataVersion.get() as number}:${this.ownWrites}`;
  }

  async health(): Promise<ReadStoreHealth> {
    try {
      this.db.prepare('SELECT count(*) FROM _checkpoints').get();
      return { up: true, adapter: 'sqlite', atomicBatches: true, detail: this.file };
    } catch (err) {
      return { up: false, adapter: 'sqlite', atomicBatches: true, detail: `${this.file}: ${(err as Error).message}` };
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
