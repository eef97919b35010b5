import { randomBytes } from 'node:crypto';
import type { DocumentWrite, JsonObject, ReadStore, WriteBatch } from '#read-store';

/** The contract opens one store for all its tests; each test reaches it through this getter. */
export type StoreGetter = () => ReadStore;

/** A collection name no other test or run uses (short enough for the rebuild suffix). */
export function unique(prefix = 't'): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}

export function put(collection: string, id: string, doc: JsonObject, position: number): DocumentWrite {
  return { kind: 'put', collection, id, doc, position };
}

export function del(collection: string, id: string, position: number): DocumentWrite {
  return { kind: 'delete', collection, id, position };
}

/** A batch whose checkpoint is the highest write position (or `checkpoint` when given). */
export function batch(projection: string, writes: DocumentWrite[], checkpoint?: number): WriteBatch {
  return { projection, writes, checkpoint: checkpoint ?? Math.max(0, ...writes.map((w) => w.position)) };
}

/** Every live document of a collection, id -> doc, read page by page. */
export async function dump(store: ReadStore, collection: string): Promise<Record<string, JsonObject>> {
  const all: Record<string, JsonObject> = {};
  let after: string | undefined;
  do {
    const page = await store.find(collection, {}, { after, limit: 1000 });
    for (const item of page.items) all[item.id] = item.doc;
    after = page.next;
  } while (after !== undefined);
  return all;
}

/** MongoDB and SQLite both order strings by their UTF-8 bytes, which JavaScript's sort does not. */
export function utf8Sorted(ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}
