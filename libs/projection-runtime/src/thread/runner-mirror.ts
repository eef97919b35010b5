import type { RunnerStatus, RunnerView } from '../runner-status';

/** A runner of the projection thread as this thread knows it: its last reported status. */
export class RunnerMirror implements RunnerView {
  status: RunnerStatus;

  constructor(readonly model: { readonly name: string; readonly version: number }) {
    this.status = { name: model.name, version: model.version, state: 'starting', checkpoint: 0, failures: 0 };
  }

  /** The thread stopped unexpectedly: health shows it until the restarted thread reports again. */
  failed(error: string): void {
    this.status = { ...this.status, state: 'failed', failures: this.status.failures + 1, lastError: error };
  }
}
