import type { JsonObject, RecordedEvent, StreamMetadata } from '../event-store.port';
import type { EventRow } from './statements';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data) as JsonObject,
    metadata: JSON.parse(row.metadata) as JsonObject,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    created: new Date(row.created),
  };
}

export function toRecordedEvents(rows: readonly EventRow[]): RecordedEvent[] {
  const out = new Array<RecordedEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = toRecordedEvent(rows[i]!);
  return out;
}

function optionalCount(value: unknown, name: string): number | null {
  if (value === undefined) return null;
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new TypeError(`Stream metadata ${name} must be a non-negative integer`);
  }
  return value as number;
}

/** Columns of stream_metadata: the fields reads obey are kept apart from the JSON for the read query. */
export function metadataColumns(metadata: StreamMetadata): [number | null, number | null, number | null, string] {
  const clean: StreamMetadata = {};
  const tb = optionalCount(metadata.truncateBefore, 'truncateBefore');
  const mc = optionalCount(metadata.maxCount, 'maxCount');
  const ma = optionalCount(metadata.maxAge, 'maxAge');
  if (ma !== null) clean.maxAge = ma;
  if (mc !== null) clean.maxCount = mc;
  if (tb !== null) clean.truncateBefore = tb;
  if (metadata.custom !== undefined) clean.custom = metadata.custom;
  return [tb, mc, ma, JSON.stringify(clean)];
}
