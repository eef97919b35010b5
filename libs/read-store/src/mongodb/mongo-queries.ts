import type { Db, Document } from 'mongodb';
import { checkCollection, indexName, pageLimit } from '../names';
import type {
  ChangesPage,
  ChangesQuery,
  EqualityFilter,
  FindOptions,
  JsonObject,
  Page,
  QueryPlan,
  StoredDocument,
} from '../read-store.port';
import type { IndexRegistry } from './mongo-indexes';
import { documents, isNamespaceNotFound, toMongoFilter, toStored } from './mongo-shape';

export async function find<T extends JsonObject>(
  db: Db,
  registry: IndexRegistry,
  collection: string,
  filter: EqualityFilter,
  options: FindOptions = {},
): Promise<Page<T>> {
  const limit = pageLimit(options.limit);
  await registry.fieldsFor(checkCollection(collection), filter);
  const query = toMongoFilter(filter);
  if (options.after !== undefined) query._id = { $gt: options.after };
  // One more than asked tells whether another page exists without a second query.
  const rows = await documents(db, collection)
    .find(query)
    .sort({ _id: 1 })
    .limit(limit + 1)
    .toArray();
  const items = rows.slice(0, limit).map((r) => toStored<T>(r));
  return rows.length > limit ? { items, next: items[items.length - 1]!.id } : { items };
}

export async function count(
  db: Db,
  registry: IndexRegistry,
  collection: string,
  filter: EqualityFilter = {},
): Promise<number> {
  await registry.fieldsFor(checkCollection(collection), filter);
  return documents(db, collection).countDocuments(toMongoFilter(filter));
}

function indexScans(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => indexScans(n, found));
  else if (typeof node === 'object' && node !== null) {
    const stage = node as Document;
    if (stage.stage === 'IXSCAN' && typeof stage.indexName === 'string') found.push(stage.indexName);
    Object.values(stage).forEach((v) => indexScans(v, found));
  }
  return found;
}

/** Reports the index only when the server's winning plan scans it. */
export async function explain(
  db: Db,
  registry: IndexRegistry,
  collection: string,
  filter: EqualityFilter,
): Promise<QueryPlan> {
  const fields = await registry.fieldsFor(checkCollection(collection), filter);
  if (!fields) return {};
  const plan = await documents(db, collection)
    .find(toMongoFilter(filter))
    .sort({ _id: 1 })
    .limit(1)
    .explain('queryPlanner');
  const name = indexName(fields);
  return indexScans(plan.queryPlanner?.winningPlan).includes(name) ? { index: name } : {};
}

export async function get<T extends JsonObject>(
  db: Db,
  collection: string,
  id: string,
): Promise<StoredDocument<T> | undefined> {
  const row = await documents(db, checkCollection(collection)).findOne({ _id: id, doc: { $ne: null } });
  return row ? toStored<T>(row) : undefined;
}

export async function getMany<T extends JsonObject>(
  db: Db,
  collection: string,
  ids: readonly string[],
): Promise<StoredDocument<T>[]> {
  if (ids.length === 0) return [];
  const rows = await documents(db, checkCollection(collection))
    .find({ _id: { $in: [...ids] }, doc: { $ne: null } })
    .toArray();
  const byId = new Map(rows.map((r) => [r._id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [toStored<T>(byId.get(id)!)] : []));
}

/** Along the `_changes` index (see mongo-indexes), which the planner picks for this sort; tombstones never show. */
export async function changes<T extends JsonObject>(
  db: Db,
  collection: string,
  query: ChangesQuery,
): Promise<ChangesPage<T>> {
  const limit = pageLimit(query.limit);
  const after = query.after ?? { position: -1, id: '' };
  const rows = await documents(db, checkCollection(collection))
    .find({
      doc: { $ne: null },
      _position: { $lte: query.until },
      $or: [{ _position: { $gt: after.position } }, { _position: after.position, _id: { $gt: after.id } }],
    })
    .sort({ _position: 1, _id: 1 })
    .limit(limit + 1)
    .toArray()
    .catch((error: unknown) => {
      if (isNamespaceNotFound(error)) return [];
      throw error;
    });
  const items = rows.slice(0, limit).map((r) => toStored<T>(r));
  const last = items[items.length - 1];
  return rows.length > limit && last ? { items, next: { position: last.position, id: last.id } } : { items };
}
