import type { EventStore } from '#event-store';
import type { ReadStore } from '#read-store';
import type { ReadModel } from '#projections';
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
 * Reads the log from `after` to its current end in batches and projects each into `target`.
 * Returns the last position projected (`after` when nothing was there).
 */
export async function replayInto(
  deps: ReplayDeps,
  model: ReadModel,
  target: ProjectionTarget,
  after: number,
  options: { batchSize: number; counted?: number; onProgress?: (p: ReplayProgress) => void },
): Promise<{ position: number; events: number }> {
  let position = after;
  let events = options.counted ?? 0;
  const head = await deps.eventStore.headPosition();
  for (;;) {
    const batch = await deps.eventStore.readAll({ after: position, maxCount: options.batchSize });
    if (batch.length === 0) return { position, events };
    await projectBatch(deps.readStore, model, target, deps.derive, batch);
    position = batch[batch.length - 1]!.position;
    events += batch.length;
    options.onProgress?.({ name: model.name, position, head: Math.max(head, position), events });
  }
}
