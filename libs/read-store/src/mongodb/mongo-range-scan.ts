import type { Db, Filter } from 'mongodb';
import { checkOrdinal, checkRange, SCAN_CHUNK } from '../range-query';
import type { JsonObject, RangeKey, RangeQuery, StoredDocument } from '../read-store.port';
import type { IndexRegistry } from './mongo-indexes';
import { docPath, documents, toMongoFilter, toStored, type MongoDoc } from './mongo-shape';

async function checked(registry: IndexRegistry, collection: string, query: RangeQuery): Promise<void> {
  try {
    checkRange(collection, query, await registry.declared(collection));
  } catch {
    checkRange(collection, query, await registry.declared(collection, true));
  }
}

/** Equality on the leading fields, bounds and the (value, id) cuts on the last: one index range. */
function rangeFilter(query: RangeQuery): Filter<MongoDoc> {
  const last = docPath(query.fields[query.fields.length - 1]!);
  const filter = toMongoFilter(query.equal) as Record<string, unknown>;
  const bounds: Record<string, unknown> = {};
  if (query.from !== undefined) bounds.$gte = query.from;
  if (query.to !== undefined) bounds.$lte = query.to;
  if (Object.keys(bounds).length > 0) filter[last] = bounds;
  const cuts: Record<string, unknown>[] = [];
  if (query.after) {
    const { value, id } = query.after;
    cuts.push({ $or: [{ [last]: { $gt: value } }, { [last]: value, _id: { $gt: id } }] });
  }
  if (query.until) {
    const { value, id } = query.until;
    cuts.push({ $or: [{ [last]: { $lt: value } }, { [last]: value, _id: { $lte: id } }] });
  }
  if (cuts.length > 0) filter.$and = cuts;
  return filter as Filter<MongoDoc>;
}

function order(query: RangeQuery): Record<string, 1> {
  return { [docPath(query.fields[query.fields.length - 1]!)]: 1, _id: 1 };
}

function keyOf(row: MongoDoc, query: RangeQuery): RangeKey {
  const value = query.fields[query.fields.length - 1]!.split('.').reduce<unknown>(
    (node, part) => (node as Record<string, unknown> | undefined)?.[part],
    row.doc,
  );
  return { value: value as RangeKey['value'], id: row._id };
}

/** The driver's cursor fetches `batchSize` documents per round trip; nothing more is held. */
export async function* scan<T extends JsonObject>(
  db: Db,
  registry: IndexRegistry,
  collection: string,
  query: RangeQuery,
): AsyncIterable<StoredDocument<T>> {
  await checked(registry, collection, query);
  const cursor = documents(db, collection).find(rangeFilter(query)).sort(order(query)).batchSize(SCAN_CHUNK);
  try {
    for await (const row of cursor) yield toStored<T>(row);
  } finally {
    await cursor.close();
  }
}

export async function keyAt(
  db: Db,
  registry: IndexRegistry,
  collection: string,
  query: RangeQuery,
  n: number,
): Promise<RangeKey | undefined> {
  checkOrdinal(n);
  await checked(registry, collection, query);
  const last = docPath(query.fields[query.fields.length - 1]!);
  const [row] = await documents(db, collection)
    .find(rangeFilter(query))
    .sort(order(query))
    .skip(n - 1)
    .limit(1)
    .project<MongoDoc>({ [last]: 1 })
    .toArray();
  return row && keyOf(row, query);
}
