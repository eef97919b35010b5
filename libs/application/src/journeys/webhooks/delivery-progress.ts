/**
 * Which events of a webhook are done (delivered or dead-lettered). `watermark`: every event at or
 * below it is done; `doneAbove`: events above it already done while an older one of another subject
 * still waits. A restart resumes after the watermark and skips `doneAbove`: nothing is lost, nothing
 * delivered is flooded again, and only what was in flight is sent a second time.
 */
export interface ProgressSnapshot {
  watermark: number;
  doneAbove: number[];
}

export class DeliveryProgress {
  private readonly pending = new Set<number>();
  private readonly done: Set<number>;
  private readPosition: number;

  constructor(snapshot: ProgressSnapshot) {
    this.readPosition = snapshot.watermark;
    this.done = new Set(snapshot.doneAbove);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  isDone(position: number): boolean {
    return position <= this.watermark() || this.done.has(position);
  }

  /** Everything up to `position` has been read; what matched is pending. */
  read(position: number): void {
    this.readPosition = Math.max(this.readPosition, position);
  }

  track(position: number): void {
    this.pending.add(position);
  }

  complete(position: number): void {
    this.pending.delete(position);
    this.done.add(position);
  }

  snapshot(): ProgressSnapshot {
    const watermark = this.watermark();
    for (const position of this.done) if (position <= watermark) this.done.delete(position);
    return { watermark, doneAbove: [...this.done].sort((a, b) => a - b) };
  }

  private watermark(): number {
    if (this.pending.size === 0) return this.readPosition;
    return Math.min(...this.pending) - 1;
  }
}
