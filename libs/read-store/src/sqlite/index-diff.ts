import type { IndexValue, JsonObject } from '../read-store.port';
import { valueColumns, type IndexTable } from './index-table';
import { indexKeys, sqlValue } from './index-values';
import { q, type StatementCache } from './sql';

/** `1`, `'1'` and `true` are different keys, as they are in the side table. */
const keyId = (key: readonly IndexValue[]): string => JSON.stringify(key);

function keyMap(doc: JsonObject, ix: IndexTable): Map<string, IndexValue[]> {
  return new Map(indexKeys(doc, ix.fields).map((key) => [keyId(key), key]));
}

interface KeySql {
  remove: string;
  insert: string;
}

/** SQL text per side table, built once: a rebuild runs these for every key of every document. */
const keySql = new WeakMap<IndexTable, KeySql>();

function sqlOf(ix: IndexTable): KeySql {
  let text = keySql.get(ix);
  if (text === undefined) {
    const cols = valueColumns(ix);
    text = {
      remove: `DELETE FROM ${q(ix.table)} WHERE id = ? AND ${cols.map((c) => `${c} = ?`).join(' AND ')}`,
      insert: `INSERT INTO ${q(ix.table)} (${cols.join(', ')}, id) VALUES (${cols.map(() => '?').join(', ')}, ?)`,
    };
    keySql.set(ix, text);
  }
  return text;
}

/**
 * Moves a document's side-table rows from the keys of `before` (what is stored, or nothing) to
 * those of `after`, touching only keys that changed: a consent grant rewrites its status keys,
 * not the lookup and channel rows it leaves as they were. The rows of a document are exactly
 * the keys of its stored body (written in the same transaction), so the difference is exact.
 */
export function updateKeys(
  sql: StatementCache,
  ix: IndexTable,
  id: string,
  before: JsonObject | undefined,
  after: JsonObject,
): void {
  const text = sqlOf(ix);
  if (before === undefined) {
    // A new document: its keys are distinct already, nothing to compare them with.
    for (const key of indexKeys(after, ix.fields)) sql.get(text.insert).run(...key.map(sqlValue), id);
    return;
  }
  const old = keyMap(before, ix);
  const next = keyMap(after, ix);
  for (const [k, key] of old) if (!next.has(k)) sql.get(text.remove).run(id, ...key.map(sqlValue));
  for (const [k, key] of next) if (!old.has(k)) sql.get(text.insert).run(...key.map(sqlValue), id);
}

/** Removes the rows of a deleted document: exactly the keys of its stored body, found by primary key. */
export function removeKeys(sql: StatementCache, ix: IndexTable, id: string, before: JsonObject): void {
  const text = sqlOf(ix);
  for (const key of indexKeys(before, ix.fields)) sql.get(text.remove).run(id, ...key.map(sqlValue));
}
