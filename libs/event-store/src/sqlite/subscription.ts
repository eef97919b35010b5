import type { BatchHandler, EventFilter, RecordedEvent, Subscription } from '../event-store.port';

export const DEFAULT_PAGE_SIZE = 1000;

/** What a subscription needs from the store: a page of the log and a way to be woken. */
export interface SubscriptionSource {
  /** `head`: the log's last position in the same snapshot as the page. */
  readPage(after: number, maxCount: number, filter: EventFilter | undefined): { events: RecordedEvent[]; head: number };
  listen(wake: () => void): () => void;
}

/**
 * Catch-up and live are the same loop: read the page after the last delivered position until a
 * short page, then sleep until woken. Positions are handed out under the write lock and committed
 * in order, so "after the last delivered position" can neither skip nor repeat an event.
 */
export class SqliteSubscription implements Subscription {
  caughtUp = false;
  position: number;
  /**
   * How far the log has been read, matching or not. A filtered subscription resumes its reads from
   * here, so that each wake-up reads only what was appended since, not everything after its last match.
   */
  private scanned: number;
  readonly done: Promise<void>;
  private closed = false;
  private inHandler = false;
  /** Set by a wake-up that arrives while a page is being read or handled, so it is not lost. */
  private woken = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly handler: BatchHandler,
    after: number,
    private readonly filter: EventFilter | undefined,
    private readonly pageSize: number,
  ) {
    this.position = after;
    this.scanned = after;
    this.done = this.loop();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    // Closing from inside the handler must not wait for the handler itself.
    if (!this.inHandler) await this.done.catch(() => undefined);
  }

  private async loop(): Promise<void> {
    const unlisten = this.source.listen(() => {
      this.woken = true;
      this.wake?.();
    });
    try {
      await Promise.resolve();
      while (!this.closed) {
        const delivered = await this.deliverPage();
        if (!delivered && !this.closed && !this.woken) await this.sleep();
      }
    } finally {
      unlisten();
    }
  }

  /** Returns false when the page was short, i.e. the subscription reached the head of the log. */
  private async deliverPage(): Promise<boolean> {
    this.woken = false;
    const { events, head } = this.source.readPage(this.scanned, this.pageSize, this.filter);
    if (events.length > 0) {
      this.inHandler = true;
      try {
        await this.handler(events);
      } finally {
        this.inHandler = false;
      }
      this.position = events[events.length - 1]!.position;
    }
    // A short page holds every match up to `head` (same snapshot), so the rest up to it needs no re-reading.
    this.scanned = events.length < this.pageSize ? Math.max(head, this.position) : this.position;
    if (events.length < this.pageSize) this.caughtUp = true;
    return events.length === this.pageSize;
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
    });
  }
}
