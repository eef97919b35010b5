import { ReadStoreUsageError } from './errors';
import type { EqualityFilter, IndexSpec, IndexValue, ReadModelSpec, WriteBatch } from './read-store.port';

// Lower-case start keeps names valid as SQLite identifiers and MongoDB collection names, and
// leaves `_`-prefixed names to the adapters' own bookkeeping.
const COLLECTION = /^[a-z][a-z0-9_]{0,62}$/;
const FIELD = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;
const STAGING_SUFFIX = '__rebuild';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export function checkCollection(name: string): string {
  if (!COLLECTION.test(name)) throw new ReadStoreUsageError(`Invalid collection name ${JSON.stringify(name)}`);
  return name;
}

export function checkField(path: string): string {
  if (!FIELD.test(path)) throw new ReadStoreUsageError(`Invalid field path ${JSON.stringify(path)}`);
  return path;
}

/** The same name in both adapters, so plans and errors read alike. */
export function indexName(fields: readonly string[]): string {
  return fields.join(',');
}

export function checkIndex(spec: IndexSpec): IndexSpec {
  checkCollection(spec.collection);
  if (spec.fields.length === 0) throw new ReadStoreUsageError(`Index on ${spec.collection} has no fields`);
  spec.fields.forEach(checkField);
  return spec;
}

export function stagedName(name: string): string {
  return `${name}${STAGING_SUFFIX}`;
}

/** The names a rebuild writes to: the same model under the staging suffix. */
export function stagedModel(model: ReadModelSpec): ReadModelSpec {
  return {
    projection: stagedName(model.projection),
    collections: model.collections.map((c) => stagedName(checkCollection(c))),
    indexes: model.indexes.map((i) => ({ ...checkIndex(i), collection: stagedName(i.collection) })),
  };
}

/** Picks the declared index whose fields are exactly the filter's; `{}` needs none. */
export function indexForFilter(
  collection: string,
  filter: EqualityFilter,
  declared: readonly string[][],
): string[] | undefined {
  const keys = Object.keys(filter);
  if (keys.length === 0) return undefined;
  const wanted = [...keys].sort().join(',');
  const match = declared.find((fields) => [...fields].sort().join(',') === wanted);
  if (!match) throw new ReadStoreUsageError(`No index on ${collection} covers the filter fields ${keys.join(', ')}`);
  for (const key of keys) checkValue(key, filter[key]);
  return match;
}

export function checkValue(field: string, value: unknown): IndexValue {
  const ok =
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
  if (!ok) throw new ReadStoreUsageError(`Filter value for ${field} must be a string, finite number or boolean`);
  return value as IndexValue;
}

export function pageLimit(limit: number | undefined): number {
  const n = limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT)
    throw new ReadStoreUsageError(`limit must be 1..${MAX_LIMIT}, got ${n}`);
  return n;
}

export function checkPosition(what: string, position: number): void {
  if (!Number.isSafeInteger(position) || position < 0)
    throw new ReadStoreUsageError(`${what} must be a non-negative integer, got ${position}`);
}

export function checkProjection(name: string): string {
  if (name.length === 0 || name.length > 200)
    throw new ReadStoreUsageError('Projection name must have 1..200 characters');
  return name;
}

/** Everything is checked before anything is written, so a malformed batch never half-applies. */
export function checkBatch(batch: WriteBatch): void {
  checkProjection(batch.projection);
  checkPosition('checkpoint', batch.checkpoint);
  if (batch.eventId !== undefined && (typeof batch.eventId !== 'string' || batch.eventId.length === 0)) {
    throw new ReadStoreUsageError(`Empty event id for checkpoint ${batch.checkpoint} of ${batch.projection}`);
  }
  for (const w of batch.writes) {
    checkCollection(w.collection);
    checkPosition(`position of ${w.collection}/${w.id}`, w.position);
    if (w.position > batch.checkpoint)
      throw new ReadStoreUsageError(`Write ${w.collection}/${w.id} is beyond the batch checkpoint`);
    if (typeof w.id !== 'string' || w.id.length === 0)
      throw new ReadStoreUsageError(`Empty document id in ${w.collection}`);
    if (w.kind === 'put' && (typeof w.doc !== 'object' || w.doc === null || Array.isArray(w.doc))) {
      throw new ReadStoreUsageError(`Document ${w.collection}/${w.id} must be a JSON object`);
    }
  }
}
