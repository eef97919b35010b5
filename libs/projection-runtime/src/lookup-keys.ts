import type { EqualityFilter, JsonObject, ReadStore } from '#read-store';
import type { DocumentKey, DocumentLookup, ProjectedEvent, ReadModel } from '#projections';
import type { ProjectionTarget } from './projection-names';

/** Per event, the stored documents its lookups found (ids in the model's collection names). */
export type LookedUp = ReadonlyMap<ProjectedEvent, readonly DocumentKey[]>;

export function matchesLookup(doc: JsonObject | undefined, equal: EqualityFilter): boolean {
  return doc !== undefined && Object.entries(equal).every(([field, value]) => doc[field] === value);
}

/** Runs each event's lookups against the target's stored documents, page by page. */
export async function resolveLookups(
  store: ReadStore,
  model: ReadModel,
  target: ProjectionTarget,
  events: readonly ProjectedEvent[],
): Promise<LookedUp> {
  const found = new Map<ProjectedEvent, DocumentKey[]>();
  if (!model.lookupsOf) return found;
  for (const event of events) {
    const keys: DocumentKey[] = [];
    for (const lookup of model.lookupsOf(event)) {
      if (target.staged) await ensureLookupIndex(store, model, target, lookup);
      keys.push(...(await findAll(store, target, lookup)));
    }
    if (keys.length > 0) found.set(event, keys);
  }
  return found;
}

/** A staged collection gets its indexes at the swap; the one a lookup asks is built first (kept after). */
async function ensureLookupIndex(store: ReadStore, model: ReadModel, target: ProjectionTarget, lookup: DocumentLookup) {
  const wanted = Object.keys(lookup.equal).sort().join(',');
  const spec = model.indexes.find(
    (ix) => ix.collection === lookup.collection && [...ix.fields].sort().join(',') === wanted,
  );
  if (spec) await store.ensureIndexes([{ ...spec, collection: target.collection(spec.collection) }]);
}

async function findAll(store: ReadStore, target: ProjectionTarget, lookup: DocumentLookup): Promise<DocumentKey[]> {
  const keys: DocumentKey[] = [];
  let after: string | undefined;
  do {
    const page = await store.find(target.collection(lookup.collection), lookup.equal, after ? { after } : {});
    keys.push(...page.items.map((d) => ({ collection: lookup.collection, id: d.id })));
    after = page.next;
  } while (after !== undefined);
  return keys;
}
