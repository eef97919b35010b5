import type { ReadStore } from './read-store.port';

/**
 * The OperationalStore port: state the services keep beside the read models, on the same adapters
 * (and in the same file or database): webhook registrations, delivery progress and dead letters,
 * the double opt-in mail outbox, the leases that pick one active runner per model. Unlike a read
 * model it is not rebuilt from the log, so a reset or rebuild never touches it and losing it loses
 * state. Its writers use the guarded commit with a version counter under their own name (never a
 * read model's) where a projection keeps its checkpoint.
 *
 * One adapter object serves both ports; this one leaves out what only read models do (reset,
 * rebuild), so operational code cannot reach them. It keeps the checkpoint mark and setter: the
 * mail outbox checks its own checkpoint against the log and restarts it when it is foreign.
 */
export type OperationalStore = Pick<
  ReadStore,
  | 'adapter'
  | 'ensureIndexes'
  | 'commit'
  | 'get'
  | 'getMany'
  | 'find'
  | 'count'
  | 'getCheckpoint'
  | 'getCheckpointMark'
  | 'setCheckpoint'
>;

/** Operational collections are named with one of these prefixes; read-model collections never are. */
export const OPERATIONAL_PREFIXES = ['journey_', 'projection_'] as const;

export function isOperationalCollection(name: string): boolean {
  return OPERATIONAL_PREFIXES.some((prefix) => name.startsWith(prefix));
}
