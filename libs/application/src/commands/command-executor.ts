import { randomUUID } from 'node:crypto';
import { sealEvents } from '#audit';
import type { Decider } from '#domain';
import { WrongExpectedVersionError, type EventStore, type RecordedEvent } from '#event-store';
import { eventMetadata, type CommandContext } from './command-context';
import type { CommandResult } from './command-result';
import type { DomainEvent, EventCodec } from './event-codec';
import { findReplay } from './idempotency';
import { KeyedLock } from './keyed-lock';

export interface Execution<C, E extends DomainEvent, S> {
  stream: string;
  decider: Decider<C, E, S>;
  command: C;
  codec: EventCodec;
  context: CommandContext;
}

/** In-process notification only (e.g. to the @nestjs/cqrs EventBus); nothing durable hangs on it. */
export type AppendedListener = (result: CommandResult) => void;

/**
 * Load, decide, append: read the stream, fold evolve, call decide, append with the revision read.
 * A concurrent writer makes the append fail; the command is then decided again on fresh state.
 */
export class CommandExecutor {
  private readonly listeners: AppendedListener[] = [];
  private readonly streams = new KeyedLock();

  constructor(
    private readonly store: EventStore,
    private readonly maxAttempts = 8,
    private readonly newId: () => string = randomUUID,
  ) {}

  onAppended(listener: AppendedListener): void {
    this.listeners.push(listener);
  }

  execute<C, E extends DomainEvent, S>(execution: Execution<C, E, S>): Promise<CommandResult> {
    return this.streams.run(execution.stream, () => this.executeWithRetry(execution));
  }

  private async executeWithRetry<C, E extends DomainEvent, S>(execution: Execution<C, E, S>): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(execution);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= this.maxAttempts) throw error;
        await backoff(attempt);
      }
    }
  }

  /** Folds a stream into state without deciding anything (queries, context for other commands). */
  async load<E extends DomainEvent, S>(stream: string, decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>, codec: EventCodec): Promise<{ state: S; recorded: RecordedEvent[] }> {
    const recorded = await this.store.readStream(stream);
    const events = (await codec.decode(stream, recorded)) as E[];
    return { state: events.reduce(decider.evolve, decider.initialState()), recorded };
  }

  private async attempt<C, E extends DomainEvent, S>(execution: Execution<C, E, S>): Promise<CommandResult> {
    const { stream, decider, command, codec, context } = execution;
    const { state, recorded } = await this.load(stream, decider, codec);
    const replay = findReplay(stream, recorded, context);
    if (replay) return replay;
    const decided = decider.decide(command, state);
    const last = recorded[recorded.length - 1];
    if (decided.length === 0) return unchanged(stream, last);
    const metadata = eventMetadata(context);
    const encoded = await codec.encode(stream, decided);
    const headHash = last?.metadata.hash as string | undefined;
    const sealed = sealEvents(stream, last ? last.revision + 1 : 0, headHash, encoded.map((e) => ({ ...e, metadata })));
    const events = sealed.map((event) => ({ ...event, id: this.newId() }));
    const appended = await this.store.appendToStream(stream, events, last ? last.revision : 'no_stream');
    const result: CommandResult = {
      stream,
      revision: appended.nextExpectedRevision,
      position: appended.position,
      events: events.map(({ id, type }) => ({ id, type })),
      replayed: false,
    };
    for (const listener of this.listeners) listener(result);
    return result;
  }
}

function unchanged(stream: string, last: RecordedEvent | undefined): CommandResult {
  return { stream, revision: last ? last.revision : -1, position: last ? last.position : 0, events: [], replayed: false };
}

function backoff(attempt: number): Promise<void> {
  const ms = Math.min(50, 2 ** attempt) * Math.random();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
