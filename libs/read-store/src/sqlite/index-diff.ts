import type { IndexValue, JsonObject } from '../read-store.port';
import { valueColumns, type IndexTable } from './index-table';
import { indexKeys, sqlValue } from './index-values';
import { q, type StatementCache } from './sql';

/** `1`, `'1'` and `true` are different keys, as they are in the side table. */
const keyId = (key: readonly IndexValue[]): string => JSON.stringify(key);

function keyMap(doc: JsonObject | undefined, ix: IndexTable): Map<string, IndexValue[]> {
  if (doc === undefined) return new Map();
  return new Map(indexKeys(doc, ix.fields).map((key) => [keyId(key), key]));
}

function deleteKeySql(ix: IndexTable): string {
  return `DELETE FROM ${q(ix.table)} WHERE id = ? AND ${valueColumns(ix).map((c) => `${c} = ?`).join(' AND ')}`;
}

function insertKeySql(ix: IndexTable): string {
  const cols = valueColumns(ix);
  return `INSERT INTO ${q(ix.table)} (${cols.join(', ')}, id) VALUES (${cols.map(() => '?').join(', ')}, ?)`;
}

/**
 * Moves a document's side-table rows from the keys of `before` (what is stored, or nothing) to
 * those of `after`, touching only keys that changed: a consent grant rewrites its status keys,
 * not the lookup and channel rows it leaves as they were. The rows of a document are exactly
 * the keys of its stored body (written in the same transaction), so the difference is exact.
 */
export function updateKeys(sql: StatementCache, ix: IndexTable, id: string, before: JsonObject | undefined, after: JsonObject): void {
  const old = keyMap(before, ix);
  const next = keyMap(after, ix);
  for (const [k, key] of old) if (!next.has(k)) sql.get(deleteKeySql(ix)).run(id, ...key.map(sqlValue));
  for (const [k, key] of next) if (!old.has(k)) sql.get(insertKeySql(ix)).run(...key.map(sqlValue), id);
}
