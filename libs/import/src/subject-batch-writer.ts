import {
  DomainError,
  idempotencyKeyReused,
  subjectDecider,
  subjectStreamName,
  type SubjectCommand,
  type SubjectEvent,
  type SubjectState,
} from '#domain';
import { sealEvents } from '#audit';
import { WrongExpectedVersionError, type EventStore, type RecordedEvent } from '#event-store';
import { SubjectErasedError } from '#crypto';
import { eventMetadata, type CommandContext, type CommandExecutor, findReplay, type SubjectCodec } from '#application';
import { KeylessSubjects } from './keyless-subjects';
import type { RecordOutcome } from './import-report';

/** One record as the live command it stands for, with its own context (time, Idempotency-Key). */
export interface DecidableRecord {
  command: SubjectCommand;
  context: CommandContext;
}

export type RecordResult = RecordOutcome | DomainError;

interface Decided {
  results: RecordResult[];
  events: Array<{ event: SubjectEvent; metadata: Record<string, unknown> }>;
}

const MAX_ATTEMPTS = 8;

/**
 * The command executor's load-decide-append for several records of one subject at once: each
 * record is decided by the subject decider on the state folded so far, exactly as if sent one
 * after another, and their events (each with its own record's metadata) go in one append with
 * the revision read. One read and one append per subject instead of per record is what makes a
 * CRM-sized import fast; a concurrent writer makes the append fail and the batch is decided again.
 * A dry run decides the same way and appends nothing, folding what it decided for later records.
 */
export class SubjectBatchWriter {
  private readonly dryRunState = new Map<string, SubjectEvent[]>();

  private readonly keyless: KeylessSubjects;

  constructor(
    private readonly executor: CommandExecutor,
    private readonly store: EventStore,
    private readonly codec: SubjectCodec,
    private readonly dryRun = false,
  ) {
    this.keyless = new KeylessSubjects(codec);
  }

  async apply(subjectId: string, records: readonly DecidableRecord[]): Promise<RecordResult[]> {
    const stream = subjectStreamName(subjectId);
    // A subject without a data key has no events, so its stream is not read at first. What was
    // decided on no stream stands only once an append expecting no stream succeeds: after a
    // conflict, an erased subject's tombstone met when its key is made, or refusals alone, the
    // records are decided again on the stream as read.
    let unread = !this.dryRun && (await this.keyless.has(subjectId));
    for (let attempt = 1; ; attempt++) {
      try {
        const results = await this.decideAndAppend(stream, records, unread);
        if (results !== undefined) return results;
        unread = false;
      } catch (error) {
        const conflict = error instanceof WrongExpectedVersionError;
        if (unread && (conflict || error instanceof SubjectErasedError)) unread = false;
        else if (!conflict || attempt >= MAX_ATTEMPTS) throw error;
        // A live command on the same subject won the race; let it finish before deciding again.
        else await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 ** attempt) * Math.random()));
      }
    }
  }

  /** The records' results, or undefined when they were decided on no stream and nothing confirms that. */
  private async decideAndAppend(
    stream: string,
    records: readonly DecidableRecord[],
    unread: boolean,
  ): Promise<RecordResult[] | undefined> {
    const { state, recorded } = unread ? newStream() : await this.executor.load(stream, subjectDecider, this.codec);
    const pending = this.dryRunState.get(stream) ?? [];
    const decided = decideAll(stream, pending.reduce(subjectDecider.evolve, state), recorded, records);
    if (this.dryRun)
      return (this.dryRunState.set(stream, [...pending, ...decided.events.map((e) => e.event)]), decided.results);
    if (decided.events.length === 0) return unread ? undefined : decided.results;
    await this.append(stream, recorded.at(-1), decided.events);
    return decided.results;
  }

  private async append(stream: string, last: RecordedEvent | undefined, decided: Decided['events']): Promise<void> {
    const encoded = await this.codec.encode(
      stream,
      decided.map((e) => e.event),
    );
    const withMetadata = encoded.map(({ type, data }, i) => ({ type, data, metadata: decided[i].metadata }));
    const sealed = sealEvents(
      stream,
      last ? last.revision + 1 : 0,
      last?.metadata.hash as string | undefined,
      withMetadata,
    );
    // Without an id the store gives each event a random UUID, as live appends get.
    await this.store.appendToStream(stream, sealed, last ? last.revision : 'no_stream');
  }
}

function newStream(): { state: SubjectState; recorded: RecordedEvent[] } {
  return { state: subjectDecider.initialState(), recorded: [] };
}

/** Each record on the state its predecessors left; a refused record leaves the state as it was. */
function decideAll(
  stream: string,
  initial: SubjectState,
  recorded: readonly RecordedEvent[],
  records: readonly DecidableRecord[],
): Decided {
  const decided: Decided = { results: [], events: [] };
  const keys = new Map<string, string | undefined>();
  let state = initial;
  for (const { command, context } of records) {
    try {
      if (findReplay(stream, recorded, context) || sameKeyInBatch(keys, context)) {
        decided.results.push('duplicate');
        continue;
      }
      const events = subjectDecider.decide(command, state);
      if (context.idempotencyKey) keys.set(context.idempotencyKey, context.requestHash);
      state = events.reduce(subjectDecider.evolve, state);
      const metadata = eventMetadata(context);
      decided.events.push(...events.map((event) => ({ event, metadata })));
      decided.results.push(events.length === 0 ? 'duplicate' : 'imported');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      decided.results.push(error);
    }
  }
  return decided;
}

/** The same record twice in one batch: the second is a duplicate, or refused when its content differs. */
function sameKeyInBatch(keys: Map<string, string | undefined>, context: CommandContext): boolean {
  if (!context.idempotencyKey) return false;
  if (!keys.has(context.idempotencyKey)) return false;
  if (keys.get(context.idempotencyKey) !== context.requestHash) {
    throw idempotencyKeyReused();
  }
  return true;
}
