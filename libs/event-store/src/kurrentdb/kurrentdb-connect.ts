import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { isConnectionError, redactText, unavailable } from './kurrentdb-errors';
import { headPosition } from './kurrentdb-reads';

/** Long enough for a cold single node, short enough that a wrong host fails the start quickly. */
export const CONNECT_DEADLINE_MS = 5_000;

/**
 * EventStoreDB's `esdb://` scheme means the same to the client as `kurrentdb://`, but the client
 * announces its deprecation with console.warn, a line outside our log; it gets the new name.
 */
export function withCurrentScheme(connectionString: string): string {
  return connectionString.trim().replace(/^esdb(\+discover)?:\/\//i, 'kurrentdb$1://');
}

/**
 * Parses the connection string; a malformed one throws without echoing the password.
 * `setting` is the variable the operator set: every start-up error names it.
 */
export function parseClient(connectionString: string, setting: string): KurrentDBClient {
  try {
    return KurrentDBClient.connectionString(withCurrentScheme(connectionString));
  } catch (error) {
    // The client's parse error quotes the whole string; keep only what it expected.
    const expected = (error as { expected?: unknown }).expected;
    const hint = typeof expected === 'string' ? `: expected ${expected}` : '';
    throw unavailable(
      `connection string is malformed${hint}; use kurrentdb://host:2113?tls=false`,
      connectionString,
      setting,
    );
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
export async function probe(client: KurrentDBClient, ms: number): Promise<number> {
  const timedOut = () => new Error(`no answer within ${ms} ms`);
  return withDeadline(headPosition(client), ms, timedOut);
}

export async function connectClient(
  connectionString: string,
  setting: string,
  ms = CONNECT_DEADLINE_MS,
): Promise<KurrentDBClient> {
  const client = parseClient(connectionString, setting);
  try {
    await probe(client, ms);
    return client;
  } catch (error) {
    await client.dispose().catch(() => undefined);
    throw unavailable(
      `is unreachable or refused the connection (${describe(error, connectionString)})`,
      connectionString,
      setting,
    );
  }
}

function describe(error: unknown, connectionString: string): string {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (!isConnectionError(error)) return redactText(message, connectionString);
  // The native reader's errors carry only their class name as message: say it once, in words.
  const detail = message && message !== (error as Error).constructor.name ? `: ${message}` : '';
  return redactText(`server unavailable${detail}`, connectionString);
}
