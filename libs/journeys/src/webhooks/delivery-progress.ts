/**
 * Which events of a webhook are done (delivered or dead-lettered). `watermark`: every event at or
 * below it is done; `doneAbove`: events above it already done while an older one of another subject
 * still waits. A restart resumes after the watermark and skips `doneAbove`: nothing is lost, nothing
 * delivered is flooded again, and only what was in flight is sent a second time.
 */
export interface ProgressSnapshot {
  watermark: number;
  doneAbove: number[];
  /**
   * The last event read when the snapshot was taken (at or above everything else here): a resume
   * checks it against the log, so progress kept beside a restored log skips nothing (resumeFromLog).
   */
  anchor?: { position: number; eventId: string };
}

export class DeliveryProgress {
  private readonly pending = new Set<number>();
  private readonly done: Set<number>;
  private readPosition: number;
  private anchor: ProgressSnapshot['anchor'];

  constructor(snapshot: ProgressSnapshot) {
    this.readPosition = snapshot.watermark;
    this.done = new Set(snapshot.doneAbove);
    this.anchor = snapshot.anchor;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  isDone(position: number): boolean {
    return position <= this.watermark() || this.done.has(position);
  }

  /** Everything up to `position` (the event `eventId`) has been read; what matched is pending. */
  read(position: number, eventId?: string): void {
    if (eventId !== undefined && position >= (this.anchor?.position ?? 0)) this.anchor = { position, eventId };
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
    return {
      watermark,
      doneAbove: [...this.done].sort((a, b) => a - b),
      ...(this.anchor ? { anchor: { ...this.anchor } } : {}),
    };
  }

  private watermark(): number {
    if (this.pending.size === 0) return this.readPosition;
    return Math.min(...this.pending) - 1;
  }
}
