import { WrongExpectedVersionError } from '../errors';
import type { ExpectedRevision } from '../event-store.port';

/** What the write path knows of a stream: its last revision (-1 if never written) and the soft-delete mark. */
export interface StreamState {
  revision: number;
  deletedBefore: number;
}

export const NO_STREAM_STATE: StreamState = { revision: -1, deletedBefore: 0 };

/** A soft-deleted stream counts as absent until it is written again, as in KurrentDB. */
export function streamIsLive(state: StreamState): boolean {
  return state.revision >= 0 && state.deletedBefore <= state.revision;
}

function satisfied(expected: ExpectedRevision, state: StreamState): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return !streamIsLive(state);
    case 'stream_exists':
      return streamIsLive(state);
    default:
      return expected === state.revision;
  }
}

export function checkExpectedRevision(stream: string, expected: ExpectedRevision, state: StreamState): void {
  if (!satisfied(expected, state)) {
    throw new WrongExpectedVersionError(stream, expected, streamIsLive(state) ? state.revision : -1);
  }
}

export function validateExpected(expected: ExpectedRevision): void {
  const named = expected === 'any' || expected === 'no_stream' || expected === 'stream_exists';
  if (!named && !(Number.isSafeInteger(expected) && (expected as number) >= 0)) {
    throw new TypeError(`Invalid expected revision: ${String(expected)}`);
  }
}
