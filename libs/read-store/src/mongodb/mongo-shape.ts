import type { Collection, Db, Filter } from 'mongodb';
import type { EqualityFilter, JsonObject, StoredDocument } from '../read-store.port';

/**
 * How a document is stored: the read model's own document under `doc`, so that its fields never
 * meet `_id` or `_position`. `doc: null` is a tombstone of the standalone fallback (see mongo-writes).
 */
export interface MongoDoc {
  _id: string;
  _position: number;
  doc: JsonObject | null;
}

export interface CheckpointDoc {
  _id: string;
  position: number;
  /** The id of the event at `position`; null or missing when unknown (see read-store.port.ts). */
  eventId?: string | null;
}

export const CHECKPOINTS = '_checkpoints';

export function documents(db: Db, collection: string): Collection<MongoDoc> {
  return db.collection<MongoDoc>(collection);
}

export function checkpoints(db: Db): Collection<CheckpointDoc> {
  return db.collection<CheckpointDoc>(CHECKPOINTS);
}

export function docPath(field: string): string {
  return `doc.${field}`;
}

/** Live documents matching the filter; tombstones never show. */
export function toMongoFilter(filter: EqualityFilter): Filter<MongoDoc> {
  const query: Record<string, unknown> = { doc: { $ne: null } };
  for (const [field, value] of Object.entries(filter)) query[docPath(field)] = value;
  return query as Filter<MongoDoc>;
}

export function toStored<T extends JsonObject>(row: MongoDoc): StoredDocument<T> {
  return { id: row._id, doc: row.doc as T, position: row._position };
}

/** NamespaceNotFound: dropping what is already gone is fine. */
export function isNamespaceNotFound(error: unknown): boolean {
  return (error as { code?: unknown }).code === 26;
}
