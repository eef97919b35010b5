import type { RecordedEvent } from '#event-store';
import { idempotencyKeyReused } from '#domain';
import type { CommandContext } from './command-context';
import type { CommandResult } from './command-result';
import type { KeyedEvents } from './stream-state-cache';

/**
 * The idempotency key travels in the metadata of the events it produced, in the same atomic
 * append: a crash can never separate "applied" from "remembered", so a retry is never doubled.
 */
export function findReplay(
  stream: string,
  recorded: readonly RecordedEvent[],
  context: CommandContext,
): CommandResult | undefined {
  if (!context.idempotencyKey) return undefined;
  const key = `${context.actor}:${context.idempotencyKey}`;
  const matches = recorded.filter((event) => event.metadata.idempotencyKey === key);
  if (matches.length === 0) return undefined;
  const last = matches[matches.length - 1];
  const keyed = {
    requestHash: matches[0].metadata.requestHash,
    events: matches,
    revision: last.revision,
    position: last.position,
  };
  return findKeyedReplay(stream, new Map([[key, keyed]]), context);
}

/** The same answer from the keys a stream's fold keeps (see stream-fold.ts), without its events. */
export function findKeyedReplay(
  stream: string,
  keys: ReadonlyMap<string, KeyedEvents>,
  context: CommandContext,
): CommandResult | undefined {
  if (!context.idempotencyKey) return undefined;
  const matched = keys.get(`${context.actor}:${context.idempotencyKey}`);
  if (matched === undefined) return undefined;
  const stored = matched.requestHash;
  if (context.requestHash && stored !== undefined && stored !== context.requestHash) {
    throw idempotencyKeyReused();
  }
  return {
    stream,
    revision: matched.revision,
    position: matched.position,
    events: matched.events.map(({ id, type }) => ({ id, type })),
    replayed: true,
  };
}
