import { randomUUID } from 'node:crypto';
import type { AppendResult, EventData, ExpectedRevision } from '../event-store.port';
import type { Outcome } from './batch-queue';
import { checkExpectedRevision, NO_STREAM_STATE, type StreamState, validateExpected } from './expected-revision';
import type { Statements } from './statements';

/** An append request already serialised, so that nothing inside the write transaction can fail on input. */
export interface AppendRequest {
  op: 'append';
  stream: string;
  expected: ExpectedRevision;
  ids: string[];
  types: string[];
  data: string[];
  metadata: string[];
}

/** Soft-deletes a stream (revisions so far); queued with the appends so it never overtakes one. */
export interface DeleteRequest {
  op: 'delete';
  stream: string;
  expected: ExpectedRevision;
}

/** Stream metadata as its columns: truncate_before, max_count, max_age, json. */
export interface MetadataRequest {
  op: 'metadata';
  stream: string;
  columns: [number | null, number | null, number | null, string];
}

/** Every write the store makes; only plain strings and numbers, so it crosses to the writer thread as is. */
export type WriteRequest = AppendRequest | DeleteRequest | MetadataRequest;
export type WriteResult = AppendResult | undefined;

function serialiseObject(value: unknown, what: string): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`Event ${what} must be a JSON object`);
  }
  return JSON.stringify(value);
}

export function toAppendRequest(
  stream: string,
  events: readonly EventData[],
  expected: ExpectedRevision,
): AppendRequest {
  if (typeof stream !== 'string' || stream.length === 0) throw new TypeError('Stream name must be a non-empty string');
  validateExpected(expected);
  const req: AppendRequest = { op: 'append', stream, expected, ids: [], types: [], data: [], metadata: [] };
  for (const e of events) {
    if (typeof e.type !== 'string' || e.type.length === 0) throw new TypeError('Event type must be a non-empty string');
    req.ids.push(e.id ?? randomUUID());
    req.types.push(e.type);
    req.data.push(serialiseObject(e.data, 'data'));
    req.metadata.push(e.metadata === undefined ? '{}' : serialiseObject(e.metadata, 'metadata'));
  }
  return req;
}

/** Writes a batch in one transaction; each request sits in its own savepoint so a refused one leaves the others intact. */
export class WriteBatchWriter {
  constructor(
    private readonly st: Statements,
    private readonly inTransaction: () => boolean,
  ) {}

  readonly run = (requests: readonly WriteRequest[]): Outcome<WriteResult>[] => {
    const st = this.st;
    st.begin.run();
    try {
      let head = st.head.get() as number;
      const created = Date.now();
      const outcomes = requests.map((req) => {
        const outcome = this.inSavepoint(req, head, created);
        if (outcome.ok && outcome.value) head = Math.max(head, outcome.value.position);
        return outcome;
      });
      st.commit.run();
      return outcomes;
    } catch (err) {
      if (this.inTransaction()) st.rollback.run();
      throw err;
    }
  };

  private inSavepoint(req: WriteRequest, head: number, created: number): Outcome<WriteResult> {
    const st = this.st;
    st.savepoint.run();
    try {
      const value = this.write(req, head, created);
      st.release.run();
      return { ok: true, value };
    } catch (error) {
      st.rollbackTo.run();
      st.release.run();
      return { ok: false, error };
    }
  }

  private write(req: WriteRequest, head: number, created: number): WriteResult {
    const st = this.st;
    if (req.op === 'metadata') return void st.putMetadata.run(req.stream, ...req.columns);
    const state = (st.streamState.get(req.stream) as StreamState | undefined) ?? NO_STREAM_STATE;
    checkExpectedRevision(req.stream, req.expected, state);
    if (req.op === 'delete') return void st.markDeleted.run(req.stream);
    let revision = state.revision;
    let position = head;
    for (let i = 0; i < req.ids.length; i++) {
      st.insertEvent.run(
        ++position,
        req.stream,
        ++revision,
        req.ids[i],
        req.types[i],
        req.data[i],
        req.metadata[i],
        created,
      );
    }
    if (revision !== state.revision) st.upsertStream.run(req.stream, revision);
    return { nextExpectedRevision: revision, position };
  }
}
