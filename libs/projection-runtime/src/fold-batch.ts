import type { DocumentWrite, JsonObject, StoredDocument } from '#read-store';
import type { DocumentKey, DocumentLookup, ProjectedEvent, ReadModel } from '#projections';
import { type LookedUp, matchesLookup } from './lookup-keys';

/** A document as the fold goes: what was stored, and what the events made of it. */
export interface Slot {
  key: DocumentKey;
  doc: JsonObject | undefined;
  position: number;
  changed: boolean;
}

const NONE: readonly DocumentKey[] = [];
const NONE_LOOKUPS: readonly DocumentLookup[] = [];

export function slotId(key: DocumentKey): string {
  return `${key.collection}\u0000${key.id}`;
}

/** The documents a batch touches, grouped by collection, each id once. */
export function touchedKeys(
  model: ReadModel,
  events: readonly ProjectedEvent[],
  lookedUp: LookedUp = new Map(),
): Map<string, string[]> {
  const byCollection = new Map<string, Set<string>>();
  for (const event of events) {
    for (const key of model.keysOf(event).concat(lookedUp.get(event) ?? NONE)) {
      const ids = byCollection.get(key.collection) ?? new Set<string>();
      byCollection.set(key.collection, ids.add(key.id));
    }
  }
  return new Map([...byCollection].map(([c, ids]) => [c, [...ids]]));
}

/**
 * Folds the batch into the stored documents and returns one write per changed document. An event
 * at or below a document's stored position is already in it (the read store's exactly-once rule,
 * see read-store.port.ts), so a replay after a crash changes nothing.
 */
export function foldBatch(
  model: ReadModel,
  events: readonly ProjectedEvent[],
  stored: ReadonlyMap<string, StoredDocument>,
  lookedUp: LookedUp = new Map(),
): DocumentWrite[] {
  const slots = new Map<string, Slot>();
  foldInto(model, events, slots, stored, lookedUp);
  return changedWrites(model, slots.values());
}

/**
 * Folds the events into `slots`, which may hold documents folded by earlier batches (a rebuild
 * keeps them between commits); a document not there yet starts from `stored`. Lookups also match
 * every slot, so keep in `slots` only what the store cannot find yet.
 */
export function foldInto(
  model: ReadModel,
  events: readonly ProjectedEvent[],
  slots: Map<string, Slot>,
  stored: ReadonlyMap<string, StoredDocument>,
  lookedUp: LookedUp,
): void {
  for (const event of events) {
    for (const [id, key] of keysFor(model, event, lookedUp, slots)) {
      let slot = slots.get(id);
      if (slot === undefined) {
        const found = stored.get(id);
        slot = { key, doc: found?.doc, position: found?.position ?? 0, changed: false };
        slots.set(id, slot);
      }
      if (event.position <= slot.position) continue;
      slot.doc = model.apply(slot.doc, event, key);
      slot.position = event.position;
      slot.changed = true;
    }
  }
}

/** One write per changed slot, in the order the slots were made, each followed by its derived documents. */
export function changedWrites(model: ReadModel, slots: Iterable<Slot>): DocumentWrite[] {
  const writes: DocumentWrite[] = [];
  for (const slot of slots) {
    if (slot.changed) writes.push(toWrite(slot));
    for (const derived of derivedWrites(model, slot)) writes.push(derived);
  }
  return writes;
}

/**
 * The derived documents of a slot, with its position. Also for a slot the batch left unchanged
 * (a replay): a store without transactions (standalone MongoDB) may have kept the document but
 * not its derived copy before a crash, and the position guard makes the rewrite harmless.
 */
function derivedWrites(model: ReadModel, slot: Slot): DocumentWrite[] {
  if (!slot.changed && slot.doc === undefined) return [];
  return (model.derived ?? [])
    .filter((d) => d.from === slot.key.collection)
    .map((d) =>
      toWrite({ ...slot, key: { collection: d.collection, id: slot.key.id }, doc: slot.doc && d.derive(slot.doc) }),
    );
}

/**
 * The event's own keys, the stored documents its lookups found and the documents this batch
 * already made that match them (not yet stored, so the store's lookup cannot see them), each once.
 */
function keysFor(model: ReadModel, event: ProjectedEvent, lookedUp: LookedUp, slots: ReadonlyMap<string, Slot>) {
  const keys = new Map<string, DocumentKey>();
  for (const key of model.keysOf(event)) keys.set(slotId(key), key);
  for (const key of lookedUp.get(event) ?? NONE) keys.set(slotId(key), key);
  for (const lookup of model.lookupsOf?.(event) ?? NONE_LOOKUPS) {
    for (const [id, slot] of slots)
      if (slot.key.collection === lookup.collection && matchesLookup(slot.doc, lookup.equal)) keys.set(id, slot.key);
  }
  return keys;
}

function toWrite(slot: Slot): DocumentWrite {
  const { collection, id } = slot.key;
  return slot.doc === undefined
    ? { kind: 'delete', collection, id, position: slot.position }
    : { kind: 'put', collection, id, doc: slot.doc, position: slot.position };
}
