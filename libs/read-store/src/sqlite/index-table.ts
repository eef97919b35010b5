import { indexName } from '../names';
import { q, type StatementCache } from './sql';

/** A declared index, kept as a side table of (v0.., id) rows: one row per distinct key of a document. */
export interface IndexTable {
  collection: string;
  name: string;
  fields: readonly string[];
  unique: boolean;
  table: string;
}

export function indexTable(collection: string, fields: readonly string[], unique: boolean): IndexTable {
  const name = indexName(fields);
  return { collection, name, fields, unique, table: `${collection}$${name}` };
}

export function valueColumns(ix: IndexTable): string[] {
  return ix.fields.map((_, i) => `v${i}`);
}

/** Untyped columns have BLOB affinity, so values keep their type and 1 never equals '1'. */
export function createIndexTableSql(ix: IndexTable): string {
  const cols = valueColumns(ix);
  const key = ix.unique ? cols : [...cols, 'id'];
  return `CREATE TABLE ${q(ix.table)} (${cols.join(', ')}, id TEXT NOT NULL, PRIMARY KEY (${key.join(', ')})) WITHOUT ROWID`;
}

/**
 * The (id, values) index that finds a document's rows when it changes, created once the rows are
 * in: CREATE INDEX sorts them and writes its B-tree in order, where a second constraint filled
 * row by row in value order inserts at random ids, one page miss each once it outgrows the cache.
 * `name` must be free: index names survive ALTER TABLE RENAME (see Catalog.indexById).
 */
export function createIdIndexSql(ix: IndexTable, name: string): string {
  return `CREATE INDEX ${q(name)} ON ${q(ix.table)} (id, ${valueColumns(ix).join(', ')})`;
}

export function deleteKeys(sql: StatementCache, ix: IndexTable, id: string): void {
  sql.get(`DELETE FROM ${q(ix.table)} WHERE id = ?`).run(id);
}
