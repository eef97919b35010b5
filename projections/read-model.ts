import type { EventFilter, RecordedEvent } from '#event-store';
import type { EqualityFilter, IndexSpec, JsonObject } from '#read-store';

/**
 * What a projection sees: the event as stored (personal fields still ciphertext) plus values the
 * runner derives before the pure function runs, because deriving them needs keys:
 * `blindIndexes` maps a contact point id to its keyed HMAC (absent once the subject is erased,
 * so a replay never re-indexes an erased person); `externalIdIndexes` maps a system to the keyed
 * HMAC of `system:id`, likewise.
 */
export interface ProjectedEvent extends RecordedEvent {
  derived: {
    blindIndexes?: Readonly<Record<string, string>>;
    externalIdIndexes?: Readonly<Record<string, string>>;
  };
}

/** The document a projection writes under one id in one collection. */
export interface DocumentKey {
  collection: string;
  id: string;
}

/**
 * Documents an event reaches by an indexed field rather than by id, because the event cannot name
 * them (an erasure names the person, not each of their records). The runner finds them in the store
 * and among the documents the same batch touched before the event.
 */
export interface DocumentLookup {
  collection: string;
  equal: EqualityFilter;
}

/**
 * Documents kept beside those of the `from` collection under the same id, made from each of them
 * alone and written in the same commit (deleted with it): a compact copy that a hot query parses
 * instead of the whole document. The read store sees an ordinary collection of the model.
 */
export interface DerivedCollection<D extends JsonObject = JsonObject> {
  collection: string;
  from: string;
  derive(doc: D): JsonObject;
}

/**
 * A read model: pure functions from (document, event) to document, with the collections and the
 * indexes its queries need declared beside them. `undefined` from `apply` deletes the document.
 * No clock, no I/O: replaying the log always yields the same documents.
 */
export interface ReadModel<D extends JsonObject = JsonObject> {
  /** Stable name; its checkpoint is stored under it. */
  name: string;
  /** Bump when `apply` changes meaning: the runner then rebuilds from position zero. */
  version: number;
  collections: readonly string[];
  indexes: readonly IndexSpec[];
  /** Events the model cares about; others are skipped (but still move the checkpoint). */
  filter: EventFilter;
  /** Which documents one event touches (zero, one or several). */
  keysOf(event: ProjectedEvent): DocumentKey[];
  /** Further documents the event touches, found by an index the model declares (see DocumentLookup). */
  lookupsOf?(event: ProjectedEvent): DocumentLookup[];
  apply(doc: D | undefined, event: ProjectedEvent, key: DocumentKey): D | undefined;
  /** Collections derived from another of the model's (each also listed in `collections`). */
  derived?: readonly DerivedCollection<D>[];
}
