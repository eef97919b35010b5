import type { AppConfig } from '#runtime';
import type { RunnerStatus } from '../runner-status';

/** What the api hands its projection thread at start: plain data, cloned into the thread. */
export interface ProjectionThreadData {
  config: AppConfig;
  /** Names of the read models to run (READ_MODELS is looked up there: functions do not cross threads). */
  models: string[];
}

export type ToProjectionThread = { type: 'stop' };

/** Log lines carry names, positions and error classes only, as the runners' own lines do. */
export type FromProjectionThread =
  | { type: 'log'; level: 'info' | 'warn'; line: string }
  /** Every model has been checked against the log (served, rebuilding, standing by or failed). */
  | { type: 'checked' }
  /** A checkpoint was committed or a session resumed from one; `runners` as they are right after. */
  | { type: 'moved'; kind: 'committed' | 'resumed'; name: string; checkpoint: number; runners: RunnerStatus[] }
  /** A runner's state changed without a checkpoint move (caught up, failed, standing by). */
  | { type: 'status'; runners: RunnerStatus[] }
  | { type: 'stopped' }
  /** The thread could not start (stores, master key): the error's class or code, never its message. */
  | { type: 'failed'; error: string };
