import { randomUUID } from 'node:crypto';
import type { AppendResult, EventData, ExpectedRevision } from '../event-store.port';
import type { Outcome } from './batch-queue';
import { checkExpectedRevision, NO_STREAM_STATE, type StreamState, validateExpected } from './expected-revision';
import type { Statements } from './statements';

/** An append request already serialised, so that nothing inside the write transaction can fail on input. */
export interface AppendRequest {
  stream: string;
  expected: ExpectedRevision;
  ids: string[];
  types: string[];
  data: string[];
  metadata: string[];
}

function serialiseObject(value: unknown, what: string): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`Event ${what} must be a JSON object`);
  }
  return JSON.stringify(value);
}

export function toAppendRequest(stream: string, events: readonly EventData[], expected: ExpectedRevision): AppendRequest {
  if (typeof stream !== 'string' || stream.length === 0) throw new TypeError('Stream name must be a non-empty string');
  validateExpected(expected);
  const req: AppendRequest = { stream, expected, ids: [], types: [], data: [], metadata: [] };
  for (const e of events) {
    if (typeof e.type !== 'string' || e.type.length === 0) throw new TypeError('Event type must be a non-empty string');
    req.ids.push(e.id ?? randomUUID());
    req.types.push(e.type);
    req.data.push(serialiseObject(e.data, 'data'));
    req.metadata.push(e.metadata === undefined ? '{}' : serialiseObject(e.metadata, 'metadata'));
  }
  return req;
}

/** Writes appends in one transaction; each sits in its own savepoint so a refused one leaves the others intact. */
export class AppendBatchWriter {
  constructor(
    private readonly st: Statements,
    private readonly inTransaction: () => boolean,
  ) {}

  readonly run = (requests: readonly AppendRequest[]): Outcome<AppendResult>[] => {
    const st = this.st;
    st.begin.run();
    try {
      let head = st.head.get() as number;
      const created = Date.now();
      const outcomes = requests.map((req) => {
        const outcome = this.appendOne(req, head, created);
        if (outcome.ok) head = Math.max(head, outcome.value.position);
        return outcome;
      });
      st.commit.run();
      return outcomes;
    } catch (err) {
      if (this.inTransaction()) st.rollback.run();
      throw err;
    }
  };

  private appendOne(req: AppendRequest, head: number, created: number): Outcome<AppendResult> {
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

  private write(req: AppendRequest, head: number, created: number): AppendResult {
    const st = this.st;
    const state = (st.streamState.get(req.stream) as StreamState | undefined) ?? NO_STREAM_STATE;
    checkExpectedRevision(req.stream, req.expected, state);
    let revision = state.revision;
    let position = head;
    for (let i = 0; i < req.ids.length; i++) {
      st.insertEvent.run(++position, req.stream, ++revision, req.ids[i], req.types[i], req.data[i], req.metadata[i], created);
    }
    if (revision !== state.revision) st.upsertStream.run(req.stream, revision);
    return { nextExpectedRevision: revision, position };
  }
}
