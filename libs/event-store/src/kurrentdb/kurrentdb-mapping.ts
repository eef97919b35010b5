import { ANY, NO_STREAM, STREAM_EXISTS, jsonEvent } from '@kurrent/kurrentdb-client';
import type {
  AllStreamResolvedEvent,
  AppendStreamState,
  EventData as KurrentDbEventData,
  Position,
  ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { EventData, ExpectedRevision, JsonObject, RecordedEvent } from '../event-store.port';

/** Maps our expected revision onto the client's; exact revisions travel as bigint. */
export function toKurrentDbExpected(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return BigInt(checkRevision(expected));
  }
}

export function checkRevision(revision: number): number {
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new RangeError(`A stream revision must be a non-negative integer, got ${revision}`);
  }
  return revision;
}

/**
 * Our positions are $all commit positions. Since EventStoreDB 20 (KurrentDB's former name) every
 * append is an implicit transaction, so commit equals prepare for each event and the pair can be
 * rebuilt from one number.
 */
export function toKurrentDbPosition(position: number): Position {
  const value = BigInt(checkRevision(position));
  return { commit: value, prepare: value };
}

export function toEventData(event: EventData): KurrentDbEventData {
  return jsonEvent({
    ...(event.id ? { id: event.id } : {}),
    type: event.type,
    data: event.data,
    metadata: event.metadata ?? {},
  });
}

/** System events ($-prefixed types or streams: stats, metadata, links) never reach our callers. */
export function isSystemEvent(type: string, stream: string): boolean {
  return type.startsWith('$') || stream.startsWith('$');
}

type AnyResolved = ResolvedEvent | AllStreamResolvedEvent;
type KurrentDbRecorded = NonNullable<AnyResolved['event']>;

/** Returns undefined for entries without an event (unresolved links), which we never write. */
export function toRecordedEvent(resolved: AnyResolved): RecordedEvent | undefined {
  const event: KurrentDbRecorded | undefined = resolved.event;
  if (!event) return undefined;
  return {
    id: event.id,
    type: event.type,
    data: toJsonObject(event.data),
    metadata: toJsonObject(event.metadata),
    stream: event.streamId,
    revision: Number(event.revision),
    position: commitOf(event.position ?? positionOf(resolved)),
    created: toDate(event.created),
  };
}

function positionOf(resolved: AnyResolved): Position | undefined {
  const commit = resolved.commitPosition;
  return commit === undefined ? undefined : { commit, prepare: commit };
}

// Servers before 22.6 send no position (or 2^64-1) on stream reads; an audit ledger must not
// invent one, so such a server is refused loudly instead of returning wrong positions.
const NO_POSITION = 18446744073709551615n;

export function commitOf(position: Position | undefined): number {
  if (!position || position.commit === NO_POSITION) {
    throw new Error('KurrentDB returned an event without a log position: EventStoreDB 22.6 or newer is required');
  }
  return Number(position.commit);
}

function toJsonObject(value: unknown): JsonObject {
  if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') };
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
  return value === undefined || value === null ? {} : { value };
}

function toDate(created: unknown): Date {
  if (created instanceof Date) return created;
  return new Date(typeof created === 'number' || typeof created === 'string' ? created : 0);
}
