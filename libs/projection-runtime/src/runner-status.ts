/** What health and metrics show of one runner; never an error message (it may quote data). */
/** `rebuilding`: the stored model did not belong to the log and is replayed from it; not served meanwhile. */
export type RunnerState = 'starting' | 'rebuilding' | 'catching-up' | 'live' | 'standby' | 'failed' | 'stopped';

export interface RunnerStatus {
  name: string;
  version: number;
  state: RunnerState;
  /** Last global position committed for this model. */
  checkpoint: number;
  /** Consecutive failures since the last committed batch. */
  failures: number;
  /** The failing error's class or code, e.g. `KeyNotFoundError`, for the operator's first look. */
  lastError?: string;
}

/** What progress, health and metrics read of a runner: the runner itself, or its mirror in another thread. */
export interface RunnerView {
  readonly model: { readonly name: string };
  readonly status: RunnerStatus;
  /** `listener` runs after every change of `status.state` (what ProjectionProgress serves from). */
  onStateChange(listener: () => void): void;
}

export interface RunnerOptions {
  /** Most events handed to one batch; fewer when fewer have arrived. */
  batchSize: number;
  /** First retry delay after a failure; doubled per consecutive failure up to `maxRetryMs`. */
  retryMs: number;
  maxRetryMs: number;
}

export const DEFAULT_RUNNER_OPTIONS: RunnerOptions = { batchSize: 500, retryMs: 200, maxRetryMs: 30_000 };

export function retryDelay(options: RunnerOptions, failures: number): number {
  return Math.min(options.maxRetryMs, options.retryMs * 2 ** Math.max(0, failures - 1));
}

export function errorLabel(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}
