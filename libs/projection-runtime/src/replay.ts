import type { EventStore, RecordedEvent } from '#event-store';
import type { ReadStore } from '#read-store';
import type { ProjectedEvent, ReadModel } from '#projections';
import { type EventDeriver, projectBatch } from './batch-projector';
import type { ProjectionTarget } from './projection-names';

export interface ReplayDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  derive: EventDeriver;
}

export interface ReplayProgress {
  name: string;
  /** Position reached so far. */
  position: number;
  /** Head of the log when this pass started (it may grow while replaying). */
  head: number;
  /** Events read so far by this replay (relevant to the model or not). */
  events: number;
}

/**
 * Events per staged commit at least: a rebuild writes into collections no reader serves, so
 * fewer, bigger transactions cost nothing in freshness and save rewriting the same index pages
 * every few hundred events (about 20% of a subject-profile rebuild's CPU at 10k subjects).
 */
export const REPLAY_COMMIT_EVENTS = 5_000;

/** Pages of `pageSize` from `after` until `atLeast` events are in hand or the log ends. */
async function readPages(
  store: EventStore,
  after: number,
  pageSize: number,
  atLeast: number,
): Promise<RecordedEvent[][]> {
  const pages: RecordedEvent[][] = [];
  let position = after;
  let events = 0;
  while (events < atLeast) {
    const page = await store.readAll({ after: position, maxCount: pageSize });
    if (page.length === 0) break;
    pages.push(page);
    events += page.length;
    position = page[page.length - 1]!.position;
  }
  return pages;
}

/** A model and where a replay writes it (its staged collections during a rebuild). */
export interface ReplayTarget {
  model: ReadModel;
  target: ProjectionTarget;
}

/**
 * Derives each event at most once per batch, however many models see it: deriving reads keys
 * and decrypts, the costliest step of a rebuild after the writes.
 */
function deriveOnce(derive: EventDeriver): EventDeriver {
  const done = new Map<number, Promise<ProjectedEvent>>();
  return (event) => {
    let derived = done.get(event.position);
    if (derived === undefined) done.set(event.position, (derived = derive(event)));
    return derived;
  };
}

/**
 * Reads the log from `after` to its current end once and projects every page into every target,
 * several pages per commit (one commit per target). Progress is still reported per page of
 * `batchSize`, once the commits holding it are done; `name` names the models it feeds.
 * Returns the last position projected (`after` when nothing was there).
 */
export async function replayInto(
  deps: ReplayDeps,
  targets: readonly ReplayTarget[],
  after: number,
  options: { batchSize: number; counted?: number; onProgress?: (p: ReplayProgress) => void },
): Promise<{ position: number; events: number }> {
  let position = after;
  let events = options.counted ?? 0;
  const name = targets.map((t) => t.model.name).join(', ');
  const head = await deps.eventStore.headPosition();
  for (;;) {
    const pages = await readPages(
      deps.eventStore,
      position,
      options.batchSize,
      Math.max(options.batchSize, REPLAY_COMMIT_EVENTS),
    );
    if (pages.length === 0) return { position, events };
    const batch = pages.flat();
    const derive = deriveOnce(deps.derive);
    for (const { model, target } of targets) await projectBatch(deps.readStore, model, target, derive, batch);
    for (const page of pages) {
      position = page[page.length - 1]!.position;
      events += page.length;
      options.onProgress?.({ name, position, head: Math.max(head, position), events });
    }
  }
}
