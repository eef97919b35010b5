import { checkOrdinal, checkRange, SCAN_CHUNK } from '../range-query';
import type { IndexValue, JsonObject, RangeKey, RangeQuery, StoredDocument } from '../read-store.port';
import type { Catalog } from './catalog';
import { valueColumns, type IndexTable } from './index-table';
import { sqlValue } from './index-values';
import { q } from './sql';

interface Where {
  sql: string;
  params: unknown[];
}

function sideTable(catalog: Catalog, collection: string, query: RangeQuery): IndexTable {
  catalog.refresh();
  const indexes = catalog.indexesOf(collection);
  checkRange(
    collection,
    query,
    indexes.map((ix) => ix.fields),
  );
  return indexes.find((ix) => ix.fields.join() === query.fields.join())!;
}

/** Row values compare (value, id) pairs in the side table's own key order, so SQLite seeks, never sorts. */
function where(ix: IndexTable, query: RangeQuery): Where {
  const cols = valueColumns(ix);
  const last = `k.${cols[cols.length - 1]}`;
  const clauses = cols.slice(0, -1).map((c) => `k.${c} = ?`);
  const params: unknown[] = ix.fields.slice(0, -1).map((f) => sqlValue(query.equal[f]!));
  const add = (clause: string, ...values: IndexValue[]) => {
    clauses.push(clause);
    params.push(...values.map((v) => (typeof v === 'boolean' ? sqlValue(v) : v)));
  };
  if (query.from !== undefined) add(`${last} >= ?`, query.from);
  if (query.to !== undefined) add(`${last} <= ?`, query.to);
  if (query.after) add(`(${last}, k.id) > (?, ?)`, query.after.value, query.after.id);
  if (query.until) add(`(${last}, k.id) <= (?, ?)`, query.until.value, query.until.id);
  return { sql: `${clauses.length ? clauses.join(' AND ') : '1'} ORDER BY ${last}, k.id`, params };
}

function fromSql(value: unknown): IndexValue {
  return Buffer.isBuffer(value) ? value[0] === 1 : (value as IndexValue);
}

interface Row {
  value: unknown;
  id: string;
  doc: string;
  position: number;
}

export async function* scan<T extends JsonObject>(
  catalog: Catalog,
  collection: string,
  query: RangeQuery,
): AsyncIterable<StoredDocument<T>> {
  let after = query.after;
  for (;;) {
    const ix = sideTable(catalog, collection, query);
    const w = where(ix, { ...query, after });
    const last = valueColumns(ix).at(-1)!;
    const sql = `SELECT k.${last} AS value, d.id, d.doc, d.position FROM ${q(ix.table)} k
      JOIN ${q(collection)} d ON d.id = k.id WHERE ${w.sql} LIMIT ${SCAN_CHUNK}`;
    // A chunk is read whole before anything is yielded: no statement stays open while the consumer waits.
    const rows = catalog.sql.get(sql).all(...w.params) as Row[];
    for (const row of rows) yield { id: row.id, doc: JSON.parse(row.doc) as T, position: row.position };
    if (rows.length < SCAN_CHUNK) return;
    const end = rows[rows.length - 1]!;
    after = { value: fromSql(end.value), id: end.id };
  }
}

export function keyAt(catalog: Catalog, collection: string, query: RangeQuery, n: number): RangeKey | undefined {
  checkOrdinal(n);
  const ix = sideTable(catalog, collection, query);
  const w = where(ix, query);
  const last = valueColumns(ix).at(-1)!;
  const sql = `SELECT k.${last} AS value, k.id FROM ${q(ix.table)} k WHERE ${w.sql} LIMIT 1 OFFSET ?`;
  const row = catalog.sql.get(sql).get(...w.params, n - 1) as Omit<Row, 'doc' | 'position'> | undefined;
  return row && { value: fromSql(row.value), id: row.id };
}
