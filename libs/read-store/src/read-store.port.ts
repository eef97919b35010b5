/**
 * The ReadStore port: the read models' documents and the projections' checkpoints. The same
 * adapters also hold the services' operational state, reached through OperationalStore.
 * Adapters: `sqlite` (embedded default) and `mongodb`. Both pass test/contract/read-store.contract.ts.
 *
 * Exactly-once, with the runner's help. A runner reads a document (its `position` says which event
 * last changed it), folds only the events with a higher position, and commits the resulting writes
 * with its new checkpoint in one `commit`. Every write is guarded: it replaces a stored document only
 * when the stored position is lower. So after a crash at any point the runner resumes from the
 * stored checkpoint, events at or below a document's position are not folded again (nothing applied
 * twice) and events above the checkpoint are replayed (nothing skipped). SQLite and MongoDB replica
 * sets commit a batch in one transaction; a standalone MongoDB has none and relies on the guards.
 */

export type JsonObject = { [key: string]: unknown };

/** Values an index can hold and a filter can ask for; `null` and missing fields are not indexed. */
export type IndexValue = string | number | boolean;

/**
 * Equality on the fields of one declared index (all of them, in any order), or `{}` for every
 * document. A field holding an array matches when any element equals the value, as in MongoDB.
 */
export type EqualityFilter = Readonly<Record<string, IndexValue>>;

/** Declared by a read model beside its code; `fields` are dotted paths into the document. */
export interface IndexSpec {
  collection: string;
  fields: readonly string[];
  /** Unique among the documents that carry every field; array elements count one by one. */
  unique?: boolean;
}

/** What `reset` and the rebuild helpers need to know about one projection. */
export interface ReadModelSpec {
  projection: string;
  collections: readonly string[];
  indexes: readonly IndexSpec[];
}

export interface StoredDocument<T extends JsonObject = JsonObject> {
  id: string;
  doc: T;
  /** Global position of the last event folded into this document. */
  position: number;
}

export type DocumentWrite =
  | { kind: 'put'; collection: string; id: string; doc: JsonObject; position: number }
  | { kind: 'delete'; collection: string; id: string; position: number };

export interface WriteBatch {
  projection: string;
  /** The last global position this batch covers; stored as the projection's checkpoint. */
  checkpoint: number;
  /**
   * The id of the event at `checkpoint`, stored with it: a restart compares it with the log's event
   * at that position, so a read model kept beside a restored or truncated log is not served.
   */
  eventId?: string;
  /** Applied in order; at most one write per (collection, id) keeps the guards meaningful. */
  writes: readonly DocumentWrite[];
  /**
   * The batch forgets an erased subject (Art. 17): an adapter that keeps images of overwritten
   * pages (SQLite's WAL) wipes them once the batch is committed.
   */
  erasure?: boolean;
}

/** A checkpoint with the id of the event at its position (absent: not a log position, or written before ids were kept). */
export interface CheckpointMark {
  position: number;
  eventId?: string;
}

export interface CommitResult {
  /** False when the checkpoint was already at or beyond `batch.checkpoint`: nothing was done. */
  committed: boolean;
  /** Writes that changed a document (the others met a document with an equal or higher position). */
  written: number;
}

export interface FindOptions {
  /** Exclusive: the `next` of the previous page. */
  after?: string;
  /** 1..1000, default 100. */
  limit?: number;
}

/** Items ascend by id in UTF-8 byte order; `next` is set when more may follow. */
export interface Page<T extends JsonObject = JsonObject> {
  items: StoredDocument<T>[];
  next?: string;
}

/** A position in a range scan: the value of the index's last field and the document id. */
export interface RangeKey {
  value: IndexValue;
  id: string;
}

/**
 * A scan along one declared index: equality on every field but the last, bounds on the last.
 * Documents come in (last field, id) order; `after` and `until` cut the order at a RangeKey, so
 * a caller resumes where it stopped however the documents change meanwhile.
 */
export interface RangeQuery {
  /** Exactly the fields of a declared index, in its order. */
  fields: readonly string[];
  /** Values for every field but the last. */
  equal: EqualityFilter;
  /** Inclusive bounds on the last field. */
  from?: IndexValue;
  to?: IndexValue;
  /** Exclusive. */
  after?: RangeKey;
  /** Inclusive. */
  until?: RangeKey;
}

/** A place in the order of changes: a document's position, then its id. */
export interface ChangeKey {
  position: number;
  id: string;
}

/** Documents last changed after `after` and at or before `until`, in (position, id) order. */
export interface ChangesQuery {
  /** Exclusive; from the start of the order when absent. */
  after?: ChangeKey;
  /** Inclusive: a checkpoint read before the query, so every write at or below it is visible. */
  until: number;
  /** 1..1000, default 100. */
  limit?: number;
}

export interface ChangesPage<T extends JsonObject = JsonObject> {
  items: StoredDocument<T>[];
  /** Set when more may follow: the key of the last item. */
  next?: ChangeKey;
}

/** Which declared index answers a filter (undefined: the id order itself, for `{}`). */
export interface QueryPlan {
  index?: string;
}

export interface SwapOptions {
  /** Swap even though the live checkpoint is ahead (it counts positions of another log). */
  replace?: boolean;
}

export interface ReadStoreHealth {
  up: boolean;
  adapter: 'sqlite' | 'mongodb';
  /** False on a standalone MongoDB: batches are then idempotent instead of atomic. */
  atomicBatches: boolean;
  detail: string;
}

export interface ReadStore {
  readonly adapter: 'sqlite' | 'mongodb';
  /** Creates the declared indexes (idempotent), indexing documents already stored. */
  ensureIndexes(indexes: readonly IndexSpec[]): Promise<void>;
  /** Applies the writes and moves the checkpoint together; see the guarantee above. */
  commit(batch: WriteBatch): Promise<CommitResult>;
  get<T extends JsonObject = JsonObject>(collection: string, id: string): Promise<StoredDocument<T> | undefined>;
  /** Found documents in the order of `ids`; missing ids are left out. */
  getMany<T extends JsonObject = JsonObject>(collection: string, ids: readonly string[]): Promise<StoredDocument<T>[]>;
  find<T extends JsonObject = JsonObject>(
    collection: string,
    filter: EqualityFilter,
    options?: FindOptions,
  ): Promise<Page<T>>;
  count(collection: string, filter?: EqualityFilter): Promise<number>;
  /**
   * The matching documents one by one, read in chunks: memory stays bounded however many match.
   * Stop iterating at any time; nothing stays open.
   */
  scan<T extends JsonObject = JsonObject>(collection: string, query: RangeQuery): AsyncIterable<StoredDocument<T>>;
  /**
   * The documents whose last write lies in (after, until], along an index on the position: work
   * in proportion to what changed, not to the collection. A write moves a document forwards only,
   * so a caller resuming from its last key misses nothing. Deleted documents do not show.
   */
  changes<T extends JsonObject = JsonObject>(collection: string, query: ChangesQuery): Promise<ChangesPage<T>>;
  /** The key of the `n`th (1-based) document `scan` would yield, read from the index alone; undefined when fewer match. */
  keyAt(collection: string, query: RangeQuery, n: number): Promise<RangeKey | undefined>;
  explain(collection: string, filter: EqualityFilter): Promise<QueryPlan>;
  /** 0 when the projection has never committed: resume with `after: 0`. */
  getCheckpoint(projection: string): Promise<number>;
  /** The checkpoint with the event id its last commit stored (`{ position: 0 }` when none). */
  getCheckpointMark(projection: string): Promise<CheckpointMark>;
  /** Sets a position without an event id (versions, counters, a deliberate rewind). */
  setCheckpoint(projection: string, position: number): Promise<void>;
  /** Drops the projection's collections (documents and indexes) and its checkpoint. */
  reset(model: ReadModelSpec): Promise<void>;
  /**
   * Empties the staging collections of a rebuild; returns the staged spec (see `stagedModel`) whose
   * projection and collection names the rebuild writes to. Their indexes exist after `swapRebuild`
   * at the latest (an adapter may build them there in bulk); query a staged collection by an index
   * only after `ensureIndexes` of it.
   */
  beginRebuild(model: ReadModelSpec): Promise<ReadModelSpec>;
  /**
   * Replaces the live collections and checkpoint (with its event id) by the staged ones. Refuses
   * (RebuildNotCaughtUpError) while the staged checkpoint is behind the live one, unless `replace`:
   * the live model does not belong to the log, so its checkpoint is no measure. Stop the live runner first.
   * The swapped-in collections carry every index of `model`.
   */
  swapRebuild(model: ReadModelSpec, options?: SwapOptions): Promise<void>;
  /**
   * A value that differs from the previous call's whenever anything may have been written since,
   * by this object or by any other connection; undefined when the adapter cannot tell cheaply
   * (then a caller reads what it needs). Lets a cache of parsed documents skip re-reading
   * checkpoints on every request while no commit happened.
   */
  writeStamp(): string | undefined;
  health(): Promise<ReadStoreHealth>;
  close(): Promise<void>;
}
