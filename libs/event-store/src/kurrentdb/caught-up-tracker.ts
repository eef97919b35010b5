/**
 * Decides when a subscription has delivered everything that existed when it started.
 *
 * Two signals can say "the server has sent all it had": the client's `caughtUp` event (and a
 * filtered checkpoint at or past the head taken at start), or our own count reaching that head.
 * A server signal is emitted while earlier events may still sit in the client stream's read
 * buffer, so the tracker waits for that many more raw events before fixing the mark; the
 * subscription is caught up once its handler has finished every event up to the mark.
 */
export class CaughtUpTracker {
  #caughtUp = false;
  #head?: number;
  #lastSeen: number;
  #lastEnqueued: number;
  #handled: number;
  #bufferedBeforeSignal = 0;
  #mark?: number;

  constructor(start: number) {
    this.#lastSeen = start;
    this.#lastEnqueued = start;
    this.#handled = start;
  }

  get caughtUp(): boolean {
    return this.#caughtUp;
  }

  setHead(head: number): void {
    this.#head = head;
    if (head <= this.#lastSeen) this.#setMark(this.#lastEnqueued);
  }

  reachedHead(position: number): boolean {
    return this.#head !== undefined && position >= this.#head;
  }

  /** True for an event past everything seen so far: the server may repeat the start position. */
  seen(position: number): boolean {
    if (position <= this.#lastSeen) return false;
    this.#lastSeen = position;
    return true;
  }

  enqueued(position: number): void {
    this.#lastEnqueued = position;
  }

  /** Called once per raw event taken from the client stream, after seen()/enqueued(). */
  rawDelivered(): void {
    if (this.#bufferedBeforeSignal > 0 && --this.#bufferedBeforeSignal === 0) this.#setMark(this.#lastEnqueued);
    if (this.reachedHead(this.#lastSeen)) this.#setMark(this.#lastEnqueued);
  }

  /** `buffered`: events the client stream had read but not yet emitted when the signal came. */
  serverCaughtUp(buffered: number): void {
    if (this.#mark !== undefined || this.#bufferedBeforeSignal > 0) return;
    if (buffered > 0) this.#bufferedBeforeSignal = buffered;
    else this.#setMark(this.#lastEnqueued);
  }

  handled(position: number): void {
    this.#handled = Math.max(this.#handled, position);
    this.#check();
  }

  #setMark(mark: number): void {
    if (this.#mark === undefined) this.#mark = mark;
    this.#check();
  }

  #check(): void {
    if (this.#mark !== undefined && this.#handled >= this.#mark) this.#caughtUp = true;
  }
}
