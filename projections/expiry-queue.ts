/**
 * Ids by the moment they are due, earliest first (a binary heap): what the clock alone will change,
 * found without looking at anything that is not due. One moment per id; scheduling again replaces
 * it, and the replaced heap entry is skipped when it surfaces.
 */
export class ExpiryQueue {
  private readonly heap: Array<{ at: number; id: string }> = [];
  private readonly due = new Map<string, number>();

  get size(): number {
    return this.due.size;
  }

  /** `at` in ms since the epoch; undefined forgets the id. */
  schedule(id: string, at: number | undefined): void {
    if (at === undefined) return void this.due.delete(id);
    if (this.due.get(id) === at) return;
    this.due.set(id, at);
    this.push({ at, id });
    // Replaced entries pile up under ids that change often; rebuild once they outnumber the live ones.
    if (this.heap.length > 2 * this.due.size + 1024) this.compact();
  }

  /** Removes and returns every id due at or before `now`. */
  takeDue(now: number): string[] {
    const ids: string[] = [];
    while (this.heap.length > 0 && this.heap[0]!.at <= now) {
      const { at, id } = this.pop();
      if (this.due.get(id) !== at) continue;
      this.due.delete(id);
      ids.push(id);
    }
    return ids;
  }

  clear(): void {
    this.heap.length = 0;
    this.due.clear();
  }

  private compact(): void {
    this.heap.length = 0;
    for (const [id, at] of this.due) this.push({ at, id });
  }

  private push(entry: { at: number; id: string }): void {
    const heap = this.heap;
    heap.push(entry);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= heap[i]!.at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  private pop(): { at: number; id: string } {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length === 0) return top;
    heap[0] = last;
    for (let i = 0; ; ) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let least = i;
      if (l < heap.length && heap[l]!.at < heap[least]!.at) least = l;
      if (r < heap.length && heap[r]!.at < heap[least]!.at) least = r;
      if (least === i) return top;
      [heap[least], heap[i]] = [heap[i]!, heap[least]!];
      i = least;
    }
  }
}
