import type { EventStore } from '#event-store';
import { logMismatch } from '#projection-runtime';
import type { ProgressSnapshot } from './delivery-progress';

export interface CheckedProgress {
  snapshot: ProgressSnapshot;
  /** Set when the stored progress did not belong to the log: why, and what the resume does instead. */
  reason?: string;
}

/** The log's newest event as an anchor, so the corrected progress verifies on the next resume. */
async function headAnchor(eventStore: EventStore): Promise<ProgressSnapshot['anchor']> {
  const head = await eventStore.headPosition();
  if (head === 0) return undefined;
  const [event] = await eventStore.readAll({ after: head - 1, maxCount: 1 });
  return event ? { position: event.position, eventId: event.id } : undefined;
}

/** What was done up to `head` stays done; nothing above it is. */
async function clampToHead(eventStore: EventStore, snapshot: ProgressSnapshot): Promise<ProgressSnapshot> {
  const head = await eventStore.headPosition();
  const anchor = await headAnchor(eventStore);
  return {
    watermark: Math.min(snapshot.watermark, head),
    doneAbove: snapshot.doneAbove.filter((p) => p <= head),
    ...(anchor ? { anchor } : {}),
  };
}

/**
 * A webhook's delivery progress checked against the log at every resume. Progress beyond the log's
 * head (an older copy restored, a lost tail) is cut back to the head: the events up to it are the
 * ones already counted as delivered, the new ones after it are sent. Progress whose anchor event
 * differs (the log was replaced and written to before the worker looked) cannot tell old events
 * from new, so the webhook starts again from the beginning of the log: receivers deduplicate on
 * webhook-id, and a skipped withdrawal (Art. 7(3)) would be worse than a repeat. Progress
 * written before anchors were kept is checked against the head only.
 */
export async function progressForLog(eventStore: EventStore, snapshot: ProgressSnapshot): Promise<CheckedProgress> {
  if (snapshot.anchor === undefined) {
    const head = await eventStore.headPosition();
    const beyond = snapshot.watermark > head || snapshot.doneAbove.some((p) => p > head);
    if (!beyond) return { snapshot };
    return {
      snapshot: await clampToHead(eventStore, snapshot),
      reason: `progress is beyond the log's head ${head}; resuming from the head`,
    };
  }
  const mismatch = await logMismatch(eventStore, snapshot.anchor);
  if (mismatch === undefined) return { snapshot };
  if (snapshot.anchor.position > (await eventStore.headPosition())) {
    return { snapshot: await clampToHead(eventStore, snapshot), reason: `${mismatch}; resuming from the head` };
  }
  return {
    snapshot: { watermark: 0, doneAbove: [] },
    reason: `${mismatch}; delivering again from the start of the log`,
  };
}
