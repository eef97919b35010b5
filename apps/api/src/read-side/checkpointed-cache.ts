import type { ReadStore } from '#read-store';

/**
 * Parsed read-model values by id, valid only while the model's stored checkpoint stays where it
 * was. The store commits documents and checkpoint in one transaction, so an unchanged checkpoint
 * means unchanged documents; a commit by any writer (this process's runners, a projector in
 * another process, a rebuild's swap) moves it and empties the cache. An answer from the cache is
 * therefore never staler than a fresh read: one small checkpoint read replaces a document read
 * and its JSON.parse. The checkpoint's event id counts too: a model rebuilt against another log
 * may end at the same position with other documents. The checkpoint itself is read only when the
 * store's write stamp moved (see ReadStore.writeStamp): while nothing was written, a check costs
 * one cheap statement for every cache, or none for a cache already consulted at that stamp.
 */
export class CheckpointedCache<V> {
  private readonly entries = new Map<string, V>();
  private checkpoint = '';
  /** The write stamp at which `checkpoint` was last confirmed. */
  private stamp: string | undefined;

  constructor(
    private readonly store: ReadStore,
    private readonly model: string,
    private readonly capacity: number,
  ) {}

  /**
   * `stamp`: the store's write stamp, taken by the caller once for all the caches one request
   * consults (each take is a statement).
   */
  async get(
    id: string,
    load: (id: string) => Promise<V | undefined>,
    stamp = this.store.writeStamp(),
  ): Promise<V | undefined> {
    // The checkpoint is read before the document: a commit in between leaves an entry newer
    // than its checkpoint, which the next call discards, never an older one that it would keep.
    const checkpoint = stamp !== undefined && stamp === this.stamp ? this.checkpoint : await this.refresh(stamp);
    const hit = this.entries.get(id);
    if (hit !== undefined) return hit;
    const value = await load(id);
    // Another call may have seen a newer checkpoint meanwhile; then this value is not kept.
    if (value !== undefined && checkpoint === this.checkpoint) this.remember(id, value);
    return value;
  }

  /**
   * The stamp is taken before the mark (a commit between them only costs another mark read), and
   * kept together with the reset, so no call sees the new stamp beside the old entries.
   */
  private async refresh(stamp: string | undefined): Promise<string> {
    const mark = await this.store.getCheckpointMark(this.model);
    const checkpoint = `${mark.position}:${mark.eventId ?? ''}`;
    if (checkpoint !== this.checkpoint) this.reset(checkpoint);
    this.stamp = stamp;
    return checkpoint;
  }

  private reset(checkpoint: string): void {
    this.entries.clear();
    this.checkpoint = checkpoint;
  }

  /** Bounded memory: the oldest entry goes first (Map keeps insertion order). */
  private remember(id: string, value: V): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, value);
  }
}
