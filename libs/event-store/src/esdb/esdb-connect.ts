import { EventStoreDBClient } from '@eventstore/db-client';
import { isConnectionError, redactText, unavailable } from './esdb-errors';
import { headPosition } from './esdb-reads';

/** Long enough for a cold single node, short enough that a wrong host fails the start quickly. */
export const CONNECT_DEADLINE_MS = 5_000;

/** Parses the connection string; a malformed one throws without echoing the password. */
export function parseClient(connectionString: string): EventStoreDBClient {
  try {
    return EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    // The client's parse error quotes the whole string; keep only what it expected.
    const expected = (error as { expected?: unknown }).expected;
    const hint = typeof expected === 'string' ? `: expected ${expected}` : '';
    throw unavailable(`connection string is malformed${hint}; use esdb://host:2113?tls=false`, connectionString);
  }
}

/** Resolves when the promise does, rejects with `onTimeout()` when `ms` pass first. */
export function withDeadline<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A cheap read that needs a working connection: the newest event of $all. */
export async function probe(client: EventStoreDBClient, ms: number): Promise<number> {
  const timedOut = () => new Error(`no answer within ${ms} ms`);
  return withDeadline(headPosition(client), ms, timedOut);
}

export async function connectClient(connectionString: string, ms = CONNECT_DEADLINE_MS): Promise<EventStoreDBClient> {
  const client = parseClient(connectionString);
  try {
    await probe(client, ms);
    return client;
  } catch (error) {
    await client.dispose().catch(() => undefined);
    throw unavailable(`is unreachable or refused the connection (${describe(error, connectionString)})`, connectionString);
  }
}

function describe(error: unknown, connectionString: string): string {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const kind = isConnectionError(error) ? 'server unavailable: ' : '';
  return redactText(`${kind}${message}`, connectionString);
}
