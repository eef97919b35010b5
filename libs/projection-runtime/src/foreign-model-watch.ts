import type { EventStore } from '#event-store';
import type { ReadStore } from '#read-store';
import { logMismatch } from './log-membership';

/** Often enough that a projector's rebuild (or its end) shows here within a second. */
export const FOREIGN_WATCH_MS = 1_000;

/**
 * For read models this process does not run (apps/projector runs them, or a runner here stands
 * by): whether the stored model belongs to the log. Checked at start and then on a timer, each
 * checkpoint mark once (a mark already found consistent is not read from the log again), so a
 * query only looks at a set in memory. A foreign model stays foreign here until its runner, in
 * whichever process, has rebuilt it and its checkpoint names an event of this log.
 */
export class ForeignModelWatch {
  private readonly foreign = new Set<string>();
  private readonly verified = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly models: ReadonlyArray<{ name: string }>,
    private readonly readStore: ReadStore,
    private readonly eventStore: EventStore,
    /** True while a runner of this process maintains the model (it checks the log itself). */
    private readonly runHere: (name: string) => boolean,
    private readonly warn: (line: string) => void,
    /** Runs whenever a model enters or leaves the foreign set. */
    private readonly changed: () => void = () => undefined,
  ) {}

  has(name: string): boolean {
    return this.foreign.has(name);
  }

  /** The first check completes before this resolves; later ones follow every `intervalMs`. */
  async start(intervalMs = FOREIGN_WATCH_MS): Promise<void> {
    await this.check();
    this.timer = setInterval(
      () => void this.check().catch((e: Error) => this.warn(`read-model log check failed (${e.name})`)),
      intervalMs,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running.catch(() => undefined);
  }

  check(): Promise<void> {
    this.running = this.running
      .catch(() => undefined)
      .then(async () => {
        for (const model of this.models) await this.checkModel(model.name);
      });
    return this.running;
  }

  private async checkModel(name: string): Promise<void> {
    if (this.runHere(name)) return this.forget(name);
    const mark = await this.readStore.getCheckpointMark(name);
    const key = `${mark.position}:${mark.eventId ?? ''}`;
    if (this.verified.get(name) === key) return;
    const reason = await logMismatch(this.eventStore, mark);
    if (reason === undefined) {
      this.verified.set(name, key);
      return this.forget(name);
    }
    if (this.foreign.has(name)) return;
    this.warn(
      `projection ${name}: the stored read model does not belong to this event log (${reason}); queries answer 503 until its runner has rebuilt it`,
    );
    this.foreign.add(name);
    this.changed();
  }

  private forget(name: string): void {
    if (this.foreign.delete(name)) this.changed();
  }
}
