import { randomUUID } from 'node:crypto';
import { sealEvents } from '#audit';
import type { Decider } from '#domain';
import { WrongExpectedVersionError, type EventData, type EventStore, type RecordedEvent } from '#event-store';
import {
  inSpan,
  ATTR_COMMAND,
  ATTR_EVENT_COUNT,
  ATTR_EVENT_TYPES,
  ATTR_POSITION,
  ATTR_REVISION,
  ATTR_STREAM_CATEGORY,
  streamCategory,
  activeTraceHeaders,
} from '#runtime';
import { eventMetadata, type CommandContext } from './command-context';
import type { CommandResult } from './command-result';
import type { DomainEvent, EventCodec } from './event-codec';
import { findKeyedReplay } from './idempotency';
import { KeyedLock } from './keyed-lock';
import { emptyFold, foldRecorded } from './stream-fold';
import { StreamStateCache, type FoldedStream, type StreamHead } from './stream-state-cache';
import { TickReads } from './tick-reads';

export interface Execution<C extends { type: string }, E extends DomainEvent, S> {
  stream: string;
  decider: Decider<C, E, S>;
  command: C;
  codec: EventCodec;
  context: CommandContext;
}

export interface ExecutorOptions {
  /** Folded streams kept (STREAM_CACHE_SIZE); a fold only gives a head start, the store is still read. */
  cachedStreams?: number;
  maxAttempts?: number;
  newId?: () => string;
}

/** In-process notification only (e.g. to the @nestjs/cqrs EventBus); nothing durable hangs on it. */
export type AppendedListener = (result: CommandResult) => void;

/**
 * Load, decide, append: read the stream, fold evolve, call decide, append with the revision read.
 * A concurrent writer makes the append fail; the command is then decided again on fresh state.
 * Folds are kept per stream (LRU) but only as a head start: each load still reads the store,
 * from the revision after the cached one, so nothing is decided on state older than that read.
 * The loads of one tick share one store read; their appends share the store's group commit.
 */
export class CommandExecutor {
  private readonly listeners: AppendedListener[] = [];
  private readonly streams = new KeyedLock();
  private readonly folds: StreamStateCache;
  private readonly reads: TickReads;

  private readonly maxAttempts: number;
  private readonly newId: () => string;

  constructor(
    private readonly store: EventStore,
    options: ExecutorOptions = {},
  ) {
    this.folds = new StreamStateCache(options.cachedStreams ?? 10_000);
    this.reads = new TickReads(store);
    this.maxAttempts = options.maxAttempts ?? 8;
    this.newId = options.newId ?? randomUUID;
  }

  onAppended(listener: AppendedListener): void {
    this.listeners.push(listener);
  }

  /** One span per command (its trace travels on in the events' metadata), around the whole load-decide-append. */
  execute<C extends { type: string }, E extends DomainEvent, S>(execution: Execution<C, E, S>): Promise<CommandResult> {
    const attributes = {
      [ATTR_COMMAND]: execution.command.type,
      [ATTR_STREAM_CATEGORY]: streamCategory(execution.stream),
    };
    return inSpan(`command ${execution.command.type}`, { attributes }, () =>
      this.streams.run(execution.stream, () => this.executeWithRetry(execution)),
    );
  }

  private async executeWithRetry<C extends { type: string }, E extends DomainEvent, S>(
    execution: Execution<C, E, S>,
  ): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(execution);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= this.maxAttempts) throw error;
        await backoff(attempt);
      }
    }
  }

  /** The stream's current state (cached fold brought up to date with the store), for context and checks. */
  async state<E extends DomainEvent, S>(
    stream: string,
    decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
    codec: EventCodec,
  ): Promise<S> {
    return (await this.fold(stream, decider, codec)).state;
  }

  /** Folds a whole stream and returns its events too (callers that need them, e.g. the import). */
  async load<E extends DomainEvent, S>(
    stream: string,
    decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
    codec: EventCodec,
  ): Promise<{ state: S; recorded: RecordedEvent[] }> {
    const recorded = await this.store.readStream(stream);
    const events = (await codec.decode(stream, recorded)) as E[];
    return { state: events.reduce(decider.evolve, decider.initialState()), recorded };
  }

  /**
   * The cached fold plus whatever the store holds after it; only those events are read and decoded.
   * The read joins those of the other commands of this tick (TickReads): one store read for all.
   */
  private async fold<E extends DomainEvent, S>(
    stream: string,
    decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
    codec: EventCodec,
  ): Promise<FoldedStream<S>> {
    const cached = this.folds.get<S>(stream, decider) ?? emptyFold(decider);
    const from = cached.head ? cached.head.revision + 1 : 0;
    const recorded = await inSpan(
      'read stream',
      { attributes: { [ATTR_STREAM_CATEGORY]: streamCategory(stream) } },
      async (span) => {
        const read = await this.reads.read(stream, from, codec);
        span.setAttribute(ATTR_EVENT_COUNT, read.length);
        return read;
      },
    );
    if (recorded.length === 0) return cached;
    const folded = foldRecorded(cached, decider, (await codec.decode(stream, recorded)) as E[], recorded);
    this.folds.set(stream, folded);
    return folded;
  }

  private async attempt<C extends { type: string }, E extends DomainEvent, S>(
    execution: Execution<C, E, S>,
  ): Promise<CommandResult> {
    const { stream, decider, command, codec, context } = execution;
    const folded = await this.fold(stream, decider, codec);
    const replay = findKeyedReplay(stream, folded.keys, context);
    if (replay) return replay;
    // Spans wrap decide from the outside: libs/domain stays free of tracing.
    const decided = await inSpan('decide', {}, async (span) => {
      const events = decider.decide(command, folded.state);
      span.setAttributes({ [ATTR_EVENT_COUNT]: events.length, [ATTR_EVENT_TYPES]: events.map((e) => e.type) });
      return events;
    });
    const head = folded.head;
    if (decided.length === 0) return unchanged(stream, head);
    // The command's trace context, inside the hashed metadata (see README, Tracing).
    const metadata = { ...eventMetadata(context), ...activeTraceHeaders() };
    const encoded = await inSpan('encrypt', { attributes: { [ATTR_EVENT_COUNT]: decided.length } }, () =>
      codec.encode(stream, decided),
    );
    const sealed = sealEvents(
      stream,
      head ? head.revision + 1 : 0,
      head?.hash,
      encoded.map((e) => ({ ...e, metadata })),
    );
    const events = sealed.map((event) => ({ ...event, id: this.newId() }));
    const appended = await this.append(stream, events, head);
    // The cached fold stays before this append: the next command reads these events back like
    // anyone else's, so cached state is only ever folded from what the store holds.
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

  private append(stream: string, events: EventData[], head: StreamHead | undefined) {
    const attributes = {
      [ATTR_STREAM_CATEGORY]: streamCategory(stream),
      [ATTR_EVENT_COUNT]: events.length,
      [ATTR_EVENT_TYPES]: events.map((e) => e.type),
    };
    return inSpan('append', { attributes }, async (span) => {
      const appended = await this.store.appendToStream(stream, events, head ? head.revision : 'no_stream');
      span.setAttributes({ [ATTR_POSITION]: appended.position, [ATTR_REVISION]: appended.nextExpectedRevision });
      return appended;
    });
  }
}

function unchanged(stream: string, head: StreamHead | undefined): CommandResult {
  return {
    stream,
    revision: head ? head.revision : -1,
    position: head ? head.position : 0,
    events: [],
    replayed: false,
  };
}

function backoff(attempt: number): Promise<void> {
  const ms = Math.min(50, 2 ** attempt) * Math.random();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
