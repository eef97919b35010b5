import { MongoClient, type Db } from 'mongodb';
import { ReadStoreUnavailableError } from '../errors';

export const SETTING = 'MONGODB_URI';
export const DEFAULT_DATABASE = 'privacy_ledger';
/** Long enough for a replica-set election's first heartbeat, short enough that a wrong host fails the start quickly. */
export const SERVER_SELECTION_TIMEOUT_MS = 5_000;

/** Hides the password of `mongodb://user:password@host` so that it never reaches a log line. */
export function redactUri(uri: string): string {
  return uri.replace(/(\/\/[^:/@?]*:)[^@/?]*@/, '$1***@');
}

/** Driver messages may quote the URI or the password: scrub both. */
export function redactText(text: string, uri: string): string {
  const password = /\/\/[^:/@?]*:([^@/?]*)@/.exec(uri)?.[1];
  const scrubbed = redactUri(text);
  return password ? scrubbed.split(password).join('***') : scrubbed;
}

export function unavailable(problem: string, uri: string): ReadStoreUnavailableError {
  const line = `MongoDB ${problem} (${SETTING}=${redactUri(uri)})`;
  return new ReadStoreUnavailableError(redactText(line, uri), SETTING);
}

/** The database named in the URI's path, else privacy_ledger (the driver's own default is `test`). */
export function databaseName(uri: string): string {
  const path = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]*)/.exec(uri)?.[1];
  return path ? decodeURIComponent(path) : DEFAULT_DATABASE;
}

export interface MongoConnection {
  client: MongoClient;
  db: Db;
  /** Replica sets and sharded clusters run multi-document transactions; a standalone does not. */
  transactions: boolean;
}

function parse(uri: string, timeoutMs: number): MongoClient {
  try {
    return new MongoClient(uri, {
      serverSelectionTimeoutMS: timeoutMs,
      connectTimeoutMS: timeoutMs,
      appName: 'privacy-ledger',
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw unavailable(`connection string is malformed: ${message}; use mongodb://host:27017/privacy_ledger`, uri);
  }
}

export async function connectMongo(uri: string, timeoutMs = SERVER_SELECTION_TIMEOUT_MS): Promise<MongoConnection> {
  const client = parse(uri, timeoutMs);
  try {
    await client.connect();
    const db = client.db(databaseName(uri));
    const hello = await db.admin().command({ hello: 1 });
    const transactions = typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
    return { client, db, transactions };
  } catch (error) {
    await client.close().catch(() => undefined);
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw unavailable(`is unreachable or refused the connection (${message})`, uri);
  }
}
