import type { EventStore } from '#event-store';
import type { CheckpointMark } from '#read-store';

/**
 * Why a stored checkpoint does not belong to this event log, or undefined when it does. A restored
 * older log (or a truncated one) beside newer read-side state would otherwise hand out positions
 * the state has already passed: its runners skip the new events, and a withdrawn consent
 * (Art. 7(3)) keeps reading as granted. One read of the log per call: run it when a runner
 * starts or resumes, never per query. The reason names positions and event ids only.
 */
export async function logMismatch(eventStore: EventStore, mark: CheckpointMark): Promise<string | undefined> {
  if (mark.position === 0) return undefined;
  const [event] = await eventStore.readAll({ after: mark.position - 1, maxCount: 1 });
  if (event === undefined)
    return `checkpoint ${mark.position} is beyond the log's head ${await eventStore.headPosition()}`;
  if (event.position !== mark.position) return `the log has no event at checkpoint ${mark.position}`;
  if (mark.eventId === undefined)
    return `checkpoint ${mark.position} was stored without its event id, so it cannot be verified`;
  if (event.id !== mark.eventId)
    return `the event at checkpoint ${mark.position} is ${event.id}, the checkpoint recorded ${mark.eventId}`;
  return undefined;
}
