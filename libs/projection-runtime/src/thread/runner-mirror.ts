import type { RunnerStatus, RunnerView } from '../runner-status';

/** A runner of the projection thread as this thread knows it: its last reported status. */
export class RunnerMirror implements RunnerView {
  private current: RunnerStatus;
  private readonly listeners: Array<() => void> = [];

  constructor(readonly model: { readonly name: string; readonly version: number }) {
    this.current = { name: model.name, version: model.version, state: 'starting', checkpoint: 0, failures: 0 };
  }

  get status(): RunnerStatus {
    return this.current;
  }

  set status(next: RunnerStatus) {
    const changed = next.state !== this.current.state;
    this.current = next;
    if (changed) for (const listener of this.listeners) listener();
  }

  onStateChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The thread stopped unexpectedly: health shows it until the restarted thread reports again. */
  failed(error: string): void {
    this.status = { ...this.status, state: 'failed', failures: this.status.failures + 1, lastError: error };
  }
}
