import type { RecordedEvent } from '#event-store';
import { DomainError } from '#domain';
import type { CommandContext } from './command-context';
import type { CommandResult } from './command-result';

/**
 * The idempotency key travels in the metadata of the events it produced, in the same atomic
 * append: a crash can never separate "applied" from "remembered", so a retry is never doubled.
 */
export function findReplay(stream: string, recorded: readonly RecordedEvent[], context: CommandContext): CommandResult | undefined {
  if (!context.idempotencyKey) return undefined;
  const key = `${context.actor}:${context.idempotencyKey}`;
  const matches = recorded.filter((event) => event.metadata.idempotencyKey === key);
  if (matches.length === 0) return undefined;
  const stored = matches[0].metadata.requestHash;
  if (context.requestHash && stored !== undefined && stored !== context.requestHash) {
    throw new DomainError('IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used for a different request', 'conflict', 'Idempotency-Key');
  }
  const last = matches[matches.length - 1];
  return {
    stream,
    revision: last.revision,
    position: last.position,
    events: matches.map(({ id, type }) => ({ id, type })),
    replayed: true,
  };
}
