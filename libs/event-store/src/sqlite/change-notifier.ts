/** Wakes live subscriptions: at once after our own commits, by polling for commits of other processes. */
export class ChangeNotifier {
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private seenVersion = 0;

  /**
   * @param dataVersion PRAGMA data_version: it changes only when another connection commits,
   *   so the poll costs no page read.
   */
  constructor(
    private readonly dataVersion: () => number,
    private readonly pollMs = 25,
  ) {}

  /** Registers a listener; the returned function removes it. Polling runs only while someone listens. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) this.startPolling();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopPolling();
    };
  }

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  stop(): void {
    this.listeners.clear();
    this.stopPolling();
  }

  private startPolling(): void {
    this.seenVersion = this.dataVersion();
    this.timer = setInterval(() => this.poll(), this.pollMs);
    // A live subscription must not keep a process (or jest) alive on its own.
    this.timer.unref();
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private poll(): void {
    const version = this.dataVersion();
    if (version === this.seenVersion) return;
    this.seenVersion = version;
    this.notify();
  }
}
