import type { ExpectedRevision } from './event-store.port';

export class WrongExpectedVersionError extends Error {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_VERSION';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** Current revision, or -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`Wrong expected version on ${stream}: expected ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** The store cannot be opened or reached; `setting` names the configuration that fixes it. */
export class EventStoreUnavailableError extends Error {
  readonly code = 'EVENT_STORE.UNAVAILABLE';
  constructor(
    message: string,
    readonly setting: string,
  ) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}
