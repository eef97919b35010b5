import type { Db, IndexDescription } from 'mongodb';
import { checkIndex, indexForFilter, indexName } from '../names';
import type { EqualityFilter, IndexSpec } from '../read-store.port';
import { docPath, documents } from './mongo-shape';

/**
 * A non-unique index ends in `_id`, so an equality on its fields yields ids in order and the
 * `after` cursor is an index range: pages cost the same at any depth. A unique index cannot end in
 * `_id` (every key would be unique); at most one document matches it anyway. The partial filter
 * leaves out documents missing a field (and tombstones), as the SQLite adapter does.
 */
export function indexDescription(spec: IndexSpec): IndexDescription {
  const key: Record<string, 1> = {};
  for (const field of spec.fields) key[docPath(field)] = 1;
  if (!spec.unique) return { key: { ...key, _id: 1 }, name: indexName(spec.fields) };
  const partial = Object.fromEntries(spec.fields.map((f) => [docPath(f), { $exists: true }]));
  return { key, name: indexName(spec.fields), unique: true, partialFilterExpression: partial };
}

/** Serves `changes`: the documents of a collection in the order they were last written. */
export const CHANGES_INDEX = '_changes';
const changesIndex: IndexDescription = { key: { _position: 1, _id: 1 }, name: CHANGES_INDEX };

function fieldsOf(key: Record<string, unknown>): string[] {
  return Object.keys(key)
    .filter((k) => k.startsWith('doc.'))
    .map((k) => k.slice('doc.'.length));
}

/** The declared fields per collection, read from the server, so another process's indexes count too. */
export class IndexRegistry {
  private readonly known = new Map<string, string[][]>();

  constructor(private readonly db: Db) {}

  async ensure(specs: readonly IndexSpec[]): Promise<void> {
    const byCollection = new Map<string, IndexSpec[]>();
    for (const spec of specs)
      byCollection.set(checkIndex(spec).collection, [...(byCollection.get(spec.collection) ?? []), spec]);
    for (const [collection, list] of byCollection) {
      await documents(this.db, collection).createIndexes([...list.map(indexDescription), changesIndex]);
      this.known.delete(collection);
    }
  }

  /** For a collection with no declared index (a staged one): `changes` still needs its own. */
  async ensureChangesIndex(collection: string): Promise<void> {
    await documents(this.db, collection).createIndexes([changesIndex]);
  }

  forget(collection: string): void {
    this.known.delete(collection);
  }

  /** Re-reads the server once before refusing, in case the index appeared since. */
  async fieldsFor(collection: string, filter: EqualityFilter): Promise<string[] | undefined> {
    if (Object.keys(filter).length === 0) return indexForFilter(collection, filter, []);
    const cached = this.known.get(collection);
    if (cached) {
      try {
        return indexForFilter(collection, filter, cached);
      } catch {
        this.known.delete(collection);
      }
    }
    return indexForFilter(collection, filter, await this.load(collection));
  }

  /** The declared indexes' fields in key order; `fresh` re-reads the server. */
  async declared(collection: string, fresh = false): Promise<string[][]> {
    const cached = fresh ? undefined : this.known.get(collection);
    return cached ?? this.load(collection);
  }

  private async load(collection: string): Promise<string[][]> {
    const list = await documents(this.db, collection)
      .listIndexes()
      .toArray()
      .catch((error: unknown) => {
        if ((error as { code?: unknown }).code === 26) return [];
        throw error;
      });
    const declared = list.map((ix) => fieldsOf(ix.key as Record<string, unknown>)).filter((f) => f.length > 0);
    this.known.set(collection, declared);
    return declared;
  }
}
