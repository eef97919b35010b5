import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The stored form of an event as far as the chain is concerned (data is ciphertext where personal). */
export interface ChainedEvent {
  stream: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 over the canonical form, with the event's own `hash` left out of its metadata. The
 * form is written out member by member (keys in canonical order: data, metadata, revision,
 * stream, type) so no copy of the event or its metadata is made per event.
 */
export function eventHash(event: ChainedEvent): string {
  const canonical =
    `{"data":${canonicalJson(event.data)},"metadata":${canonicalJson(event.metadata, OWN_HASH)}` +
    `,"revision":${canonicalJson(event.revision)},"stream":${JSON.stringify(event.stream)},"type":${JSON.stringify(event.type)}}`;
  return hash('sha256', canonical, 'hex');
}

const OWN_HASH = 'hash';

/**
 * Links new events to the stream's head: each gets `prevHash` (the head's hash, or the genesis
 * hash for a new stream) and its own `hash`. Pure: returns new metadata objects.
 */
export function sealEvents<E extends Omit<ChainedEvent, 'revision' | 'stream'>>(
  stream: string,
  firstRevision: number,
  headHash: string | undefined,
  events: readonly E[],
): Array<Omit<E, 'metadata'> & { metadata: Record<string, unknown> }> {
  let prevHash = headHash ?? GENESIS_HASH;
  return events.map((event, i) => {
    const metadata: Record<string, unknown> = { ...event.metadata, prevHash };
    const hash = eventHash({ stream, revision: firstRevision + i, type: event.type, data: event.data, metadata });
    metadata.hash = hash;
    prevHash = hash;
    return { ...event, metadata };
  });
}
