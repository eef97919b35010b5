import type { IndexValue, JsonObject } from '../read-store.port';

/** SQLite would read true/false as 1/0; a one-byte BLOB keeps them apart from numbers, as MongoDB does. */
export function sqlValue(value: IndexValue): string | number | Buffer {
  if (typeof value === 'boolean') return Buffer.from([value ? 1 : 0]);
  return value;
}

function isIndexable(value: unknown): value is IndexValue {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

/** The values at a dotted path; arrays on the way are entered element by element, as MongoDB does. */
export function valuesAt(node: unknown, path: readonly string[]): IndexValue[] {
  if (Array.isArray(node)) return node.flatMap((item) => valuesAt(item, path));
  if (path.length === 0) return isIndexable(node) ? [node] : [];
  if (typeof node !== 'object' || node === null) return [];
  return valuesAt((node as JsonObject)[path[0]!], path.slice(1));
}

/**
 * One key per combination of the fields' values, duplicates removed: a document with the same
 * value twice in an array is one entry, so a unique index only compares distinct documents.
 */
export function indexKeys(doc: JsonObject, fields: readonly string[]): IndexValue[][] {
  let keys: IndexValue[][] = [[]];
  for (const field of fields) {
    const values = [...new Set(valuesAt(doc, field.split('.')))];
    keys = keys.flatMap((key) => values.map((v) => [...key, v]));
  }
  return keys;
}
