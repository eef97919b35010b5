import { eventHash, GENESIS_HASH } from './hash-chain';

/** An event as read back from the store. */
export interface StoredEvent {
  id: string;
  stream: string;
  revision: number;
  position: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export type BreakKind = 'revision' | 'prevHash' | 'hash' | 'unreadable';

/** The first place the chain no longer holds: what the chain says must be there, and what is. */
export interface ChainBreak {
  stream: string;
  revision: number;
  position: number;
  eventId: string;
  kind: BreakKind;
  expected: string;
  found: string;
  message: string;
}

const MESSAGES: Record<BreakKind, string> = {
  revision: 'revisions are not continuous: an event was removed, inserted or reordered',
  prevHash: 'the link to the previous event does not match: an event before it was removed, reordered or replaced',
  hash: 'the stored event no longer hashes to its recorded hash: its content was changed',
  unreadable: 'the stored event can no longer be read (its stored form is not valid JSON)',
};

/**
 * Checks events of any number of streams, fed in log order: revision continuity, the link to the
 * stream's previous hash, and the event's own hash recomputed over its stored (encrypted) form.
 * After a break the checker follows what is stored, so one altered event is reported once.
 */
export class ChainChecker {
  private readonly last = new Map<string, { revision: number; hash: string }>();

  check(event: StoredEvent): ChainBreak[] {
    const previous = this.last.get(event.stream);
    const breaks: ChainBreak[] = [];
    const expectedRevision = previous ? previous.revision + 1 : 0;
    if (event.revision !== expectedRevision)
      breaks.push(this.broken(event, 'revision', String(expectedRevision), String(event.revision)));
    const expectedPrev = previous?.hash ?? GENESIS_HASH;
    const foundPrev = String(event.metadata.prevHash ?? '');
    if (foundPrev !== expectedPrev) breaks.push(this.broken(event, 'prevHash', expectedPrev, foundPrev));
    const recorded = String(event.metadata.hash ?? '');
    const recomputed = eventHash(event);
    if (recomputed !== recorded) breaks.push(this.broken(event, 'hash', recorded, recomputed));
    this.last.set(event.stream, { revision: event.revision, hash: recorded });
    return breaks;
  }

  get streams(): number {
    return this.last.size;
  }

  /** An event the store cannot even decode: all that is known is where the log stops making sense. */
  static unreadable(afterPosition: number, detail: string): ChainBreak {
    const message = `${MESSAGES.unreadable}: ${detail}`;
    return {
      stream: '?',
      revision: -1,
      position: afterPosition,
      eventId: '?',
      kind: 'unreadable',
      expected: 'a readable event',
      found: detail,
      message,
    };
  }

  private broken(event: StoredEvent, kind: BreakKind, expected: string, found: string): ChainBreak {
    const { stream, revision, position, id: eventId } = event;
    return { stream, revision, position, eventId, kind, expected, found, message: MESSAGES[kind] };
  }
}
