import { consentKey } from '#domain';
import type { RecordedEvent } from '#event-store';

/**
 * Which consent (by `consentKey`) each event touched, so every entry of a matrix can name the
 * events it rests on. Confirmations and expiries name their request, which names the scope.
 */
export function eventsByConsentKey(events: readonly RecordedEvent[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  const requests = new Map<string, string>();
  const add = (key: string | undefined, id: string) =>
    key !== undefined && byKey.set(key, [...(byKey.get(key) ?? []), id]);
  for (const event of events) {
    const data = event.data as Record<string, any>;
    switch (event.type) {
      case 'ConsentGranted':
      case 'ConsentRevoked':
        add(keyOf(data), event.id);
        break;
      case 'DoubleOptInRequested':
        requests.set(data.requestId, keyOf(data));
        add(keyOf(data), event.id);
        break;
      case 'DoubleOptInConfirmed':
      case 'DoubleOptInExpired':
        add(requests.get(data.requestId), event.id);
        break;
    }
  }
  return byKey;
}

function keyOf(data: Record<string, any>): string {
  const { topicId, channel, contactPointId } = data;
  return consentKey(contactPointId === undefined ? { topicId, channel } : { topicId, channel, contactPointId });
}

/** The id of the last event of a type whose data matches. */
export function lastEventId(
  events: readonly RecordedEvent[],
  type: string,
  matches: (data: Record<string, any>) => boolean,
): string | undefined {
  return events.filter((event) => event.type === type && matches(event.data as Record<string, any>)).at(-1)?.id;
}
