import { mapPersonalFields } from '#domain';
import type { RecordedEvent } from '#event-store';

/** When the event was recorded: the command's time from its metadata, else the store's timestamp. */
export function eventTime(event: RecordedEvent): string {
  const recordedAt = event.metadata.recordedAt;
  return typeof recordedAt === 'string' ? recordedAt : event.created.toISOString();
}

export function recordedBy(event: RecordedEvent, at: number): boolean {
  return Date.parse(eventTime(event)) <= at;
}

const REDACTED = Object.freeze({ redacted: true });

/**
 * The event with its personal fields replaced: Art. 5(1)(c), an auditor needs the proof, not the
 * address. A type without a declaration is redacted whole rather than risk showing personal data.
 */
export function redacted(event: RecordedEvent): { type: string; data: Record<string, unknown> } {
  try {
    return mapPersonalFields({ type: event.type, data: event.data }, () => REDACTED);
  } catch {
    return { type: event.type, data: { ...REDACTED } };
  }
}
