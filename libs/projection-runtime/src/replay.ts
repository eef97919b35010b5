import type { EventStore, RecordedEvent } from '#event-store';
import type { ReadStore } from '#read-store';
import type { ProjectedEvent, ReadModel } from '#projections';
import type { EventDeriver } from './batch-projector';
import type { ProjectionTarget } from './projection-names';
import { DEFAULT_REBUILD_DOCUMENTS, StagedDocuments } from './staged-documents';

export interface ReplayDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  derive: EventDeriver;
  /** Called once per batch before any of it is derived (e.g. BlindIndexDeriver.prepare: keys in one read). */
  prepare?: (batch: readonly RecordedEvent[]) => Promise<void>;
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
 * Events folded at a time at least: each event is derived once per such batch however many models
 * see it, and a model's documents are looked up once per batch (see StagedDocuments for writes).
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

export interface ReplayOptions {
  batchSize: number;
  counted?: number;
  onProgress?: (p: ReplayProgress) => void;
  /** Documents held per model before a write (DEFAULT_REBUILD_DOCUMENTS). */
  maxDocuments?: number;
  /** The staged collections may hold documents already (a catch-up after the first pass). */
  stored?: boolean;
}

/**
 * Reads the log from `after` to its current end once and folds every batch into every target's
 * StagedDocuments, which write when their budget is reached and once more at the end. Progress is
 * reported per page of `batchSize` once folded; `name` names the models it feeds.
 * Returns the last position projected (`after` when nothing was there).
 */
export async function replayInto(
  deps: ReplayDeps,
  targets: readonly ReplayTarget[],
  after: number,
  options: ReplayOptions,
): Promise<{ position: number; events: number }> {
  let position = after;
  let events = options.counted ?? 0;
  const name = targets.map((t) => t.model.name).join(', ');
  const head = await deps.eventStore.headPosition();
  const budget = options.maxDocuments ?? DEFAULT_REBUILD_DOCUMENTS;
  const sinks = targets.map(
    ({ model, target }) => new StagedDocuments(deps.readStore, model, target, budget, options.stored ?? false),
  );
  for (;;) {
    const pages = await readPages(
      deps.eventStore,
      position,
      options.batchSize,
      Math.max(options.batchSize, REPLAY_COMMIT_EVENTS),
    );
    if (pages.length === 0) break;
    const batch = pages.flat();
    await deps.prepare?.(batch);
    const derive = deriveOnce(deps.derive);
    for (const sink of sinks) await sink.project(derive, batch);
    for (const page of pages) {
      position = page[page.length - 1]!.position;
      events += page.length;
      options.onProgress?.({ name, position, head: Math.max(head, position), events });
    }
  }
  for (const sink of sinks) await sink.flush();
  return { position, events };
}
