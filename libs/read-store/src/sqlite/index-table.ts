import type { JsonObject } from '../read-store.port';
import { indexName } from '../names';
import { indexKeys, sqlValue } from './index-values';
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

/**
 * Untyped columns have BLOB affinity, so values keep their type and 1 never equals '1'. Only
 * constraint indexes: SQLite renames their autoindexes with the table, which the rebuild swap needs.
 */
export function createIndexTableSql(ix: IndexTable): string {
  const cols = valueColumns(ix);
  const key = ix.unique ? cols : [...cols, 'id'];
  return `CREATE TABLE ${q(ix.table)} (${cols.join(', ')}, id TEXT NOT NULL,
    PRIMARY KEY (${key.join(', ')}), UNIQUE (id, ${cols.join(', ')})) WITHOUT ROWID`;
}

export function deleteKeys(sql: StatementCache, ix: IndexTable, id: string): void {
  sql.get(`DELETE FROM ${q(ix.table)} WHERE id = ?`).run(id);
}

export function insertKeys(sql: StatementCache, ix: IndexTable, id: string, doc: JsonObject): void {
  const cols = valueColumns(ix);
  const stmt = sql.get(
    `INSERT INTO ${q(ix.table)} (${cols.join(', ')}, id) VALUES (${cols.map(() => '?').join(', ')}, ?)`,
  );
  for (const key of indexKeys(doc, ix.fields)) stmt.run(...key.map(sqlValue), id);
}

const BACKFILL_CHUNK = 500;

/** Indexes documents stored before the index was declared, in chunks (no reader open while writing). */
export function backfill(sql: StatementCache, ix: IndexTable): void {
  const page = sql.get(`SELECT id, doc FROM ${q(ix.collection)} WHERE id > ? ORDER BY id LIMIT ${BACKFILL_CHUNK}`);
  let after = '';
  for (;;) {
    const rows = page.all(after) as { id: string; doc: string }[];
    for (const row of rows) insertKeys(sql, ix, row.id, JSON.parse(row.doc) as JsonObject);
    if (rows.length < BACKFILL_CHUNK) return;
    after = rows[rows.length - 1]!.id;
  }
}
