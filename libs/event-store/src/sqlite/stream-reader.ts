import type { ReadStreamOptions } from '../event-store.port';
import { NO_LIMIT } from './read-all-query';
import type { EventRow, Statements, StreamViewRow } from './statements';

/** The revisions and age a reader may see, after soft delete and the stream's metadata. */
interface Visible {
  last: number;
  lowest: number;
  createdSince: number;
}

function visible(view: StreamViewRow, now: number): Visible | undefined {
  if (view.revision === null) return undefined;
  const last = view.revision;
  let lowest = Math.max(view.deleted_before ?? 0, view.truncate_before ?? 0);
  if (view.max_count !== null) lowest = Math.max(lowest, last - view.max_count + 1);
  if (lowest > last) return undefined;
  // maxAge is in seconds, as in KurrentDB's $maxAge.
  const createdSince = view.max_age === null ? 0 : now - view.max_age * 1000;
  return { last, lowest, createdSince };
}

function limit(maxCount: number | undefined): number {
  if (maxCount === undefined) return NO_LIMIT;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new TypeError(`Invalid maxCount: ${maxCount}`);
  return maxCount;
}

/** Reads one stream; the caller runs it inside a read transaction so state and rows agree. */
export function readStreamRows(st: Statements, stream: string, options: ReadStreamOptions, now: number): EventRow[] {
  const count = limit(options.maxCount);
  const v = visible(st.streamView.get(stream) as StreamViewRow, now);
  if (!v || count === 0) return [];
  if (options.direction === 'backwards') {
    const from = Math.min(options.fromRevision ?? v.last, v.last);
    return st.readBackwards.all(stream, from, v.lowest, v.createdSince, count) as EventRow[];
  }
  const from = Math.max(options.fromRevision ?? 0, v.lowest);
  return st.readForwards.all(stream, from, v.createdSince, count) as EventRow[];
}
