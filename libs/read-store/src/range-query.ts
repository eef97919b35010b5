import { ReadStoreUsageError } from './errors';
import { checkCollection, checkValue, indexName } from './names';
import type { RangeKey, RangeQuery } from './read-store.port';

/** Documents a scan reads per round trip: enough to amortise the query, small enough to keep memory flat. */
export const SCAN_CHUNK = 500;

function checkKey(what: string, key: RangeKey | undefined): void {
  if (key === undefined) return;
  checkValue(`${what}.value`, key.value);
  if (typeof key.id !== 'string') throw new ReadStoreUsageError(`${what}.id must be a document id`);
}

/**
 * The query must name a declared index in its order: the scan walks that index, so a query no
 * index serves is a programming error, never a slow full scan.
 */
export function checkRange(collection: string, query: RangeQuery, declared: readonly (readonly string[])[]): void {
  checkCollection(collection);
  const name = indexName(query.fields);
  if (query.fields.length === 0 || !declared.some((fields) => indexName(fields) === name)) {
    throw new ReadStoreUsageError(`No index ${name} on ${collection} to scan`);
  }
  const leading = query.fields.slice(0, -1);
  const given = Object.keys(query.equal);
  if (given.length !== leading.length || !leading.every((f) => given.includes(f))) {
    throw new ReadStoreUsageError(`A scan of ${name} needs equality on ${leading.join(', ') || 'no field'}`);
  }
  for (const field of leading) checkValue(`equal.${field}`, query.equal[field]);
  if (query.from !== undefined) checkValue('from', query.from);
  if (query.to !== undefined) checkValue('to', query.to);
  checkKey('after', query.after);
  checkKey('until', query.until);
}

export function checkOrdinal(n: number): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new ReadStoreUsageError(`n must be a positive integer, got ${n}`);
  return n;
}
