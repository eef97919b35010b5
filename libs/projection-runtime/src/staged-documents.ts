import type { SubjectEvent } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { ProjectedEvent, ReadModel } from '#projections';
import type { DocumentWrite, ReadStore, StoredDocument } from '#read-store';
import { ATTR_EVENT_COUNT, ATTR_POSITION, ATTR_READ_MODEL, inSpan } from '#runtime';
import type { EventDeriver } from './batch-projector';
import { matchesFilter } from './event-filter';
import { changedWrites, foldInto, type Slot, slotId, touchedKeys } from './fold-batch';
import { type LookedUp, resolveLookups } from './lookup-keys';
import type { ProjectionTarget } from './projection-names';

const ERASED: SubjectEvent['type'] = 'SubjectErased';

/**
 * Documents a rebuild holds per model before writing them (PROJECTION_REBUILD_DOCUMENTS): a model
 * whose documents fit is written once, at the end of the pass.
 */
export const DEFAULT_REBUILD_DOCUMENTS = 50_000;

/** Staged documents sort by collection, then id: SQLite then appends to its B-trees in order. */
const byKey = (a: DocumentWrite, b: DocumentWrite): number =>
  a.collection === b.collection ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.collection < b.collection ? -1 : 1;

/**
 * A rebuild's write-back for one model's staged collections: folded documents stay in memory from
 * batch to batch and are written once, in key order, when `maxDocuments` are held or the pass ends,
 * with the checkpoint of the last event folded. Staged collections serve no reader and every
 * rebuild starts from empty staging, so holding writes back costs a crash nothing but the rebuild.
 */
export class StagedDocuments {
  private readonly slots = new Map<string, Slot>();
  private last: RecordedEvent | undefined;
  /** Position of the last write: a flush with nothing folded since does nothing. */
  private written = 0;
  private erasure = false;

  /** `stored`: the staged collections may hold documents already (a catch-up after the first pass). */
  constructor(
    private readonly store: ReadStore,
    readonly model: ReadModel,
    private readonly target: ProjectionTarget,
    private readonly maxDocuments: number,
    private stored: boolean,
  ) {}

  /** Folds one batch of the log (relevant events or not); writes when the budget is reached. */
  async project(derive: EventDeriver, batch: readonly RecordedEvent[]): Promise<void> {
    const relevant = batch.filter((e) => matchesFilter(e, this.model.filter));
    const events: ProjectedEvent[] = [];
    for (const event of relevant) events.push(await derive(event));
    // Lookups ask the store (see DocumentLookup), so what is held must be there first.
    if (events.some((e) => (this.model.lookupsOf?.(e).length ?? 0) > 0)) await this.flush();
    const lookedUp = await resolveLookups(this.store, this.model, this.target, events);
    foldInto(this.model, events, this.slots, await this.storedOf(events, lookedUp), lookedUp);
    this.last = batch[batch.length - 1] ?? this.last;
    this.erasure ||= relevant.some((e) => e.type === ERASED);
    if (this.slots.size >= this.maxDocuments) await this.flush();
  }

  /** Writes the changed documents with the checkpoint of the last event folded, then forgets them. */
  async flush(): Promise<void> {
    const last = this.last;
    if (last === undefined || last.position === this.written) return;
    const writes = changedWrites(this.model, this.slots.values())
      .map((w) => ({ ...w, collection: this.target.collection(w.collection) }))
      .sort(byKey);
    const attributes = {
      [ATTR_READ_MODEL]: this.model.name,
      [ATTR_EVENT_COUNT]: writes.length,
      [ATTR_POSITION]: last.position,
    };
    await inSpan(`rebuild ${this.model.name}`, { attributes }, () =>
      this.store.commit({
        projection: this.target.projection,
        checkpoint: last.position,
        eventId: last.id,
        writes,
        erasure: this.erasure,
      }),
    );
    this.slots.clear();
    this.written = last.position;
    this.stored ||= writes.length > 0;
    this.erasure = false;
  }

  /** The touched documents not held, read from the staged collections (none while they are empty). */
  private async storedOf(events: readonly ProjectedEvent[], lookedUp: LookedUp) {
    const stored = new Map<string, StoredDocument>();
    if (!this.stored) return stored;
    for (const [collection, ids] of touchedKeys(this.model, events, lookedUp)) {
      const absent = ids.filter((id) => !this.slots.has(slotId({ collection, id })));
      if (absent.length === 0) continue;
      for (const doc of await this.store.getMany(this.target.collection(collection), absent))
        stored.set(slotId({ collection, id: doc.id }), doc);
    }
    return stored;
  }
}
