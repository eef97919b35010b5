import { indexName } from '../names';
import { q } from './sql';

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

/**
 * Untyped columns have BLOB affinity, so values keep their type and 1 never equals '1'. The primary
 * key is the table's only B-tree: a document's rows are found by the keys of its stored body
 * (index-diff), so no second index by id is filled at random ids, one page miss per row once it
 * outgrows the page cache, while the rows arrive in key order.
 */
export function createIndexTableSql(ix: IndexTable): string {
  const cols = valueColumns(ix);
  const key = ix.unique ? cols : [...cols, 'id'];
  return `CREATE TABLE ${q(ix.table)} (${cols.join(', ')}, id TEXT NOT NULL, PRIMARY KEY (${key.join(', ')})) WITHOUT ROWID`;
}
