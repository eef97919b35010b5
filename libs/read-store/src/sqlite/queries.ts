import { checkCollection, indexForFilter, pageLimit } from '../names';
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
import type { Catalog } from './catalog';
import { valueColumns, type IndexTable } from './index-table';
import { sqlValue } from './index-values';
import { q } from './sql';

interface Row {
  id: string;
  doc: string;
  position: number;
}

function toStored<T extends JsonObject>(row: Row): StoredDocument<T> {
  return { id: row.id, doc: JSON.parse(row.doc) as T, position: row.position };
}

/** The side table answers the filter and keeps ids in order; the document table only supplies bodies. */
interface Query {
  sql: string;
  params: unknown[];
}

function resolve(catalog: Catalog, collection: string, filter: EqualityFilter): IndexTable | undefined {
  catalog.refresh();
  const indexes = catalog.indexesOf(checkCollection(collection));
  const fields = indexForFilter(
    collection,
    filter,
    indexes.map((ix) => [...ix.fields]),
  );
  return fields && indexes.find((ix) => ix.fields.join() === fields.join());
}

function findQuery(collection: string, ix: IndexTable | undefined, filter: EqualityFilter): Query {
  if (!ix)
    return { sql: `SELECT id, doc, position FROM ${q(collection)} d WHERE d.id > ? ORDER BY d.id LIMIT ?`, params: [] };
  const where = valueColumns(ix)
    .map((c) => `k.${c} = ?`)
    .join(' AND ');
  return {
    sql: `SELECT d.id, d.doc, d.position FROM ${q(ix.table)} k JOIN ${q(collection)} d ON d.id = k.id
      WHERE ${where} AND k.id > ? ORDER BY k.id LIMIT ?`,
    params: ix.fields.map((f) => sqlValue(filter[f]!)),
  };
}

export function find<T extends JsonObject>(
  catalog: Catalog,
  collection: string,
  filter: EqualityFilter,
  options: FindOptions = {},
): Page<T> {
  const limit = pageLimit(options.limit);
  const ix = resolve(catalog, collection, filter);
  if (!catalog.hasCollection(collection)) return { items: [] };
  const query = findQuery(collection, ix, filter);
  // One row more than asked tells whether another page exists without a second query.
  const rows = catalog.sql.get(query.sql).all(...query.params, options.after ?? '', limit + 1) as Row[];
  const items = rows.slice(0, limit).map((r) => toStored<T>(r));
  return rows.length > limit ? { items, next: items[items.length - 1]!.id } : { items };
}

export function count(catalog: Catalog, collection: string, filter: EqualityFilter = {}): number {
  const ix = resolve(catalog, collection, filter);
  if (!catalog.hasCollection(collection)) return 0;
  if (!ix)
    return catalog.sql
      .get(`SELECT count(*) FROM ${q(collection)}`)
      .pluck()
      .get() as number;
  const where = valueColumns(ix)
    .map((c) => `${c} = ?`)
    .join(' AND ');
  // Keys are distinct per document, so with every field fixed each document counts once.
  const params = ix.fields.map((f) => sqlValue(filter[f]!));
  return catalog.sql
    .get(`SELECT count(*) FROM ${q(ix.table)} WHERE ${where}`)
    .pluck()
    .get(...params) as number;
}

/** Reports the index only when SQLite's own plan searches the side table through its key. */
export function explain(catalog: Catalog, collection: string, filter: EqualityFilter): QueryPlan {
  const ix = resolve(catalog, collection, filter);
  if (!ix || !catalog.hasCollection(collection)) return {};
  const query = findQuery(collection, ix, filter);
  const plan = catalog.db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params, '', 1) as {
    detail: string;
  }[];
  const searched = plan.some((p) => /^SEARCH k USING (PRIMARY KEY|INDEX)/.test(p.detail));
  return searched ? { index: ix.name } : {};
}

/**
 * A point read of a collection the catalog already knows skips its schema check (a statement, the
 * contactability check's every miss): SQLite prepares a statement again, by name, when another
 * connection changed the schema, so a collection swapped in there is read as it now is, and one
 * dropped there fails with "no such table" and is looked up afresh.
 */
export function get<T extends JsonObject>(
  catalog: Catalog,
  collection: string,
  id: string,
): StoredDocument<T> | undefined {
  if (!catalog.knows(checkCollection(collection))) catalog.refresh();
  if (!catalog.hasCollection(collection)) return undefined;
  const sql = `SELECT id, doc, position FROM ${q(collection)} WHERE id = ?`;
  let row: Row | undefined;
  try {
    row = catalog.sql.get(sql).get(id) as Row | undefined;
  } catch (error) {
    if (!/^no such table/.test((error as Error).message)) throw error;
    catalog.forget();
    catalog.refresh();
    if (!catalog.hasCollection(collection)) return undefined;
    row = catalog.sql.get(sql).get(id) as Row | undefined;
  }
  return row && toStored<T>(row);
}

export function getMany<T extends JsonObject>(
  catalog: Catalog,
  collection: string,
  ids: readonly string[],
): StoredDocument<T>[] {
  catalog.refresh();
  if (ids.length === 0 || !catalog.hasCollection(checkCollection(collection))) return [];
  const sql = `SELECT id, doc, position FROM ${q(collection)} WHERE id IN (SELECT value FROM json_each(?))`;
  const rows = catalog.sql.get(sql).all(JSON.stringify(ids)) as Row[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [toStored<T>(byId.get(id)!)] : []));
}

/** Along the (position, id) key: the row-value comparison resumes inside a run of equal positions. */
export function changes<T extends JsonObject>(
  catalog: Catalog,
  collection: string,
  query: ChangesQuery,
): ChangesPage<T> {
  const limit = pageLimit(query.limit);
  catalog.refresh();
  if (!catalog.hasCollection(checkCollection(collection))) return { items: [] };
  const after = query.after ?? { position: -1, id: '' };
  const sql = `SELECT id, doc, position FROM ${q(collection)}
    WHERE (position, id) > (?, ?) AND position <= ? ORDER BY position, id LIMIT ?`;
  const rows = catalog.sql.get(sql).all(after.position, after.id, query.until, limit + 1) as Row[];
  const items = rows.slice(0, limit).map((r) => toStored<T>(r));
  const last = items[items.length - 1];
  return rows.length > limit && last ? { items, next: { position: last.position, id: last.id } } : { items };
}
