import type { RecordedEvent } from '#event-store';

/** The events an earlier command with one idempotency key recorded: enough to answer its retry. */
export interface KeyedEvents {
  /** Of the first event recorded under the key. */
  requestHash: unknown;
  events: ReadonlyArray<Pick<RecordedEvent, 'id' | 'type'>>;
  /** Of the last event recorded under the key. */
  revision: number;
  position: number;
}

/** The stream's last event as the next append needs it (expected revision, hash chain). */
export interface StreamHead {
  revision: number;
  position: number;
  hash: string | undefined;
}

/**
 * A stream folded up to `head`. Never trusted on its own: every use first reads the events after
 * `head.revision`, so another writer (another process on the same store) is always noticed.
 */
export interface FoldedStream<S> {
  /** The evolve the state was folded with; another decider on the same stream folds afresh. */
  readonly decider: object;
  readonly state: S;
  /** Undefined while the stream is empty. */
  readonly head: StreamHead | undefined;
  /** Idempotency keys seen in the stream (findReplay answers from them, not from the events). */
  readonly keys: ReadonlyMap<string, KeyedEvents>;
}

/** Least recently used first out; entries are replaced whole, never mutated, so a reader keeps a consistent one. */
export class StreamStateCache {
  private readonly entries = new Map<string, FoldedStream<unknown>>();

  constructor(readonly capacity: number) {}

  get<S>(stream: string, decider: object): FoldedStream<S> | undefined {
    const entry = this.entries.get(stream);
    if (entry === undefined || entry.decider !== decider) return undefined;
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    return entry as FoldedStream<S>;
  }

  /** Keeps the newer of two folds: a slow reader racing a command must not put older state back. */
  set(stream: string, folded: FoldedStream<unknown>): void {
    const current = this.entries.get(stream);
    if (current !== undefined && current.decider === folded.decider && revisionOf(current) > revisionOf(folded)) return;
    this.entries.delete(stream);
    this.entries.set(stream, folded);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(stream: string): void {
    this.entries.delete(stream);
  }
}

function revisionOf(folded: FoldedStream<unknown>): number {
  return folded.head?.revision ?? -1;
}
