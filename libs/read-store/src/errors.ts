/** The store cannot be opened or reached; `setting` names the configuration that fixes it. */
export class ReadStoreUnavailableError extends Error {
  readonly code = 'READ_STORE.UNAVAILABLE';
  constructor(
    message: string,
    readonly setting: string,
  ) {
    super(message);
    this.name = 'ReadStoreUnavailableError';
  }
}

/** A name, filter or write the port does not accept; a programming error, not a runtime condition. */
export class ReadStoreUsageError extends Error {
  readonly code = 'READ_STORE.INVALID_USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'ReadStoreUsageError';
  }
}

/** A write broke a unique index; the batch's checkpoint did not move. */
export class UniqueIndexViolationError extends Error {
  readonly code = 'READ_STORE.UNIQUE_VIOLATION';
  constructor(
    readonly collection: string,
    readonly index: string,
    detail: string,
  ) {
    super(`Unique index ${index} on ${collection} refused a write: ${detail}`);
    this.name = 'UniqueIndexViolationError';
  }
}

/** The staged rebuild is behind the live projection: swapping would skip events. */
export class RebuildNotCaughtUpError extends Error {
  readonly code = 'READ_STORE.REBUILD_NOT_CAUGHT_UP';
  constructor(
    readonly projection: string,
    readonly staged: number,
    readonly live: number,
  ) {
    super(`Rebuild of ${projection} is at ${staged}, the live projection at ${live}: catch up before swapping`);
    this.name = 'RebuildNotCaughtUpError';
  }
}
