import type { RecordedEvent } from '#event-store';
import type { Decider } from '#domain';
import type { FoldedStream, KeyedEvents, StreamHead } from './stream-state-cache';

type Evolver<E, S> = Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>;

export function emptyFold<E, S>(decider: Evolver<E, S>): FoldedStream<S> {
  return { decider, state: decider.initialState(), head: undefined, keys: new Map() };
}

/** Folds events read from the store (decoded, in revision order) onto an earlier fold. */
export function foldRecorded<E, S>(
  folded: FoldedStream<S>,
  decider: Evolver<E, S>,
  decoded: readonly E[],
  recorded: readonly RecordedEvent[],
): FoldedStream<S> {
  if (recorded.length === 0) return folded;
  const last = recorded[recorded.length - 1];
  const keys = new Map(folded.keys);
  for (const event of recorded) addKey(keys, event);
  const head: StreamHead = {
    revision: last.revision,
    position: last.position,
    hash: last.metadata.hash as string | undefined,
  };
  return { decider, state: decoded.reduce(decider.evolve, folded.state), head, keys };
}

/** The map is copied once per fold (not per event), so a fold handed out earlier never changes under its reader. */
function addKey(keys: Map<string, KeyedEvents>, { id, type, metadata, revision, position }: RecordedEvent): void {
  const key = metadata.idempotencyKey;
  if (typeof key !== 'string') return;
  const earlier = keys.get(key);
  const entry: KeyedEvents = earlier
    ? { ...earlier, events: [...earlier.events, { id, type }], revision, position }
    : { requestHash: metadata.requestHash, events: [{ id, type }], revision, position };
  keys.set(key, entry);
}
