import { ErrorType, isCommandError } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, WrongExpectedVersionError } from '../errors';
import type { ExpectedRevision } from '../event-store.port';

/** Hides the password of `kurrentdb://user:password@host` so that it never reaches a log line. */
export function redactConnectionString(connectionString: string): string {
  return connectionString.replace(/(\/\/[^:/@?]*:)[^@/?]*@/, '$1***@');
}

/** Error texts may echo the connection string (the client's parse errors do): scrub them too. */
export function redactText(text: string, connectionString: string): string {
  const password = /\/\/[^:/@?]*:([^@/?]*)@/.exec(connectionString)?.[1];
  const scrubbed = redactConnectionString(text);
  return password ? scrubbed.split(password).join('***') : scrubbed;
}

export function unavailable(problem: string, connectionString: string, setting: string): EventStoreUnavailableError {
  const line = `KurrentDB ${problem} (${setting}=${redactConnectionString(connectionString)})`;
  return new EventStoreUnavailableError(redactText(line, connectionString), setting);
}

/** The client's wrong-expected-version error becomes ours; -1 stands for "no stream". */
export function toDomainError(error: unknown, stream: string, expected: ExpectedRevision): unknown {
  if (!(error instanceof Error) || !isCommandError(error)) return error;
  if (error.type !== ErrorType.WRONG_EXPECTED_VERSION) return error;
  const actual = error.actualState;
  const current = typeof actual === 'bigint' ? Number(actual) : -1;
  return new WrongExpectedVersionError(stream, expected, current);
}

export function isStreamGone(error: unknown): boolean {
  if (!(error instanceof Error) || !isCommandError(error)) return false;
  return error.type === ErrorType.STREAM_NOT_FOUND || error.type === ErrorType.STREAM_DELETED;
}

/** Connection-level failures, as opposed to a refused command. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error) || !isCommandError(error)) return false;
  return [ErrorType.UNAVAILABLE, ErrorType.DEADLINE_EXCEEDED, ErrorType.TIMEOUT].includes(error.type);
}
