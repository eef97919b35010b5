import { compact } from './compact';

/** CloudEvents 1.0, structured JSON mode: the whole event is the body (feed `data:`, webhook body). */
export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';
/** Extension attribute: the global position (names are lower-case alphanumerics, CloudEvents 1.0 §3.1.1). */
export const LEDGER_POSITION_ATTRIBUTE = 'ledgerposition';

/** What every published event has, whatever its type: subject-less ones (an audit checkpoint) included. */
export interface PublishedEvent {
  id: string;
  type: string;
  position: number;
  time?: string;
  subjectId?: string;
}

export interface IntegrationCloudEvent<E extends PublishedEvent = PublishedEvent> {
  specversion: typeof CLOUDEVENTS_SPEC_VERSION;
  id: string;
  source: string;
  type: string;
  subject?: string;
  time?: string;
  datacontenttype: 'application/json';
  [LEDGER_POSITION_ATTRIBUTE]: number;
  data: E;
}

/**
 * The same mapping for every integration event type. `data` is the versioned event unchanged (its
 * schema belongs to the type name, so it keeps every field); the attributes repeat what receivers
 * route and deduplicate on without reading `data`: `id` (source + id is unique, CloudEvents §3.1.1),
 * the pseudonymous subject id as `subject` (never personal data, Art. 25) and the recorded time.
 */
export function toCloudEvent<E extends PublishedEvent>(event: E, source: string): IntegrationCloudEvent<E> {
  return compact({
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id: event.id,
    source,
    type: event.type,
    subject: event.subjectId,
    time: event.time,
    datacontenttype: 'application/json' as const,
    [LEDGER_POSITION_ATTRIBUTE]: event.position,
    data: event,
  });
}
