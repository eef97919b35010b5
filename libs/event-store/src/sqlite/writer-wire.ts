import { WrongExpectedVersionError } from '../errors';
import type { ExpectedRevision } from '../event-store.port';
import type { Outcome } from './batch-queue';
import type { WriteRequest, WriteResult } from './append-batch';

/** Main thread → writer thread. */
export type ToWriter = { type: 'write'; id: number; requests: readonly WriteRequest[] } | { type: 'close' };

/** An error as plain fields: structured clone keeps only an Error's message, not its class or fields. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  stream?: string;
  expected?: ExpectedRevision;
  actual?: number;
}

export type WireOutcome = { ok: true; value: WriteResult } | { ok: false; error: WireError };

/** Writer thread → main thread: a batch's outcomes, or the error that failed the whole batch. */
export type FromWriter =
  | { type: 'done'; id: number; outcomes: WireOutcome[] }
  | { type: 'failed'; id: number; error: WireError };

export function toWireError(error: unknown): WireError {
  const e = error as Partial<WireError> & { message?: unknown; name?: unknown };
  const wire: WireError = {
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message: typeof e?.message === 'string' ? e.message : String(error),
  };
  if (typeof e?.code === 'string') wire.code = e.code;
  if (error instanceof WrongExpectedVersionError)
    Object.assign(wire, { stream: error.stream, expected: error.expected, actual: error.actual });
  return wire;
}

/** The same class the in-thread store threw, so callers' `instanceof` checks keep working. */
export function fromWireError(wire: WireError): Error {
  if (wire.name === 'WrongExpectedVersionError')
    return new WrongExpectedVersionError(wire.stream!, wire.expected!, wire.actual!);
  const error = Object.assign(
    wire.name === 'TypeError' ? new TypeError(wire.message) : new Error(wire.message),
    wire.code ? { code: wire.code } : {},
  );
  if (wire.name !== 'TypeError') error.name = wire.name;
  return error;
}

export function toWireOutcome(outcome: Outcome<WriteResult>): WireOutcome {
  return outcome.ok ? outcome : { ok: false, error: toWireError(outcome.error) };
}

export function fromWireOutcome(outcome: WireOutcome): Outcome<WriteResult> {
  return outcome.ok ? outcome : { ok: false, error: fromWireError(outcome.error) };
}
