import { isSignedCheckpoint, type Checkpoint } from '#audit';
import { AUDIT_ANCHOR_STREAM } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';

/** One anchor as listed and exported: the signed checkpoint and where it sits in its own chain. */
export interface AnchorRecord {
  revision: number;
  eventId: string;
  position: number;
  hash: string;
  prevHash: string;
  checkpoint: Checkpoint;
  algorithm: 'Ed25519';
  signature: string;
}

export function toAnchorRecord(
  event: Pick<RecordedEvent, 'data' | 'revision' | 'id' | 'position' | 'metadata'>,
): AnchorRecord | undefined {
  if (!isSignedCheckpoint(event.data)) return undefined;
  const { checkpoint, algorithm, signature } = event.data;
  const { revision, id: eventId, position, metadata } = event;
  return {
    revision,
    eventId,
    position,
    hash: String(metadata.hash),
    prevHash: String(metadata.prevHash),
    checkpoint,
    algorithm,
    signature,
  };
}

/** The newest `limit` anchors, newest first. */
export async function latestAnchors(store: EventStore, limit: number): Promise<AnchorRecord[]> {
  const events = await store.readStream(AUDIT_ANCHOR_STREAM, { direction: 'backwards', maxCount: limit });
  return events.map(toAnchorRecord).filter((record): record is AnchorRecord => record !== undefined);
}

/** Every anchor, oldest first, page by page (for export). */
export async function* allAnchors(store: EventStore, pageSize = 1000): AsyncGenerator<AnchorRecord> {
  for (let from = 0; ; from += pageSize) {
    const events = await store.readStream(AUDIT_ANCHOR_STREAM, { fromRevision: from, maxCount: pageSize });
    for (const event of events) {
      const record = toAnchorRecord(event);
      if (record) yield record;
    }
    if (events.length < pageSize) return;
  }
}
