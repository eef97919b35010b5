/**
 * The attributes the ledger's own spans carry. Only shapes and positions, never personal data:
 * no stream ids (a subject's id links its spans), no addresses, names, keys or bodies.
 */
export const ATTR_STREAM_CATEGORY = 'ledger.stream.category';
export const ATTR_EVENT_TYPES = 'ledger.event.types';
export const ATTR_EVENT_COUNT = 'ledger.event.count';
export const ATTR_POSITION = 'ledger.position';
export const ATTR_REVISION = 'ledger.revision';
export const ATTR_COMMAND = 'ledger.command';
export const ATTR_READ_MODEL = 'ledger.read_model';
export const ATTR_WEBHOOK = 'ledger.webhook.id';
export const ATTR_ATTEMPTS = 'ledger.delivery.attempts';
/** OpenTelemetry's semantic convention for a failure's class (here: `HTTP 500`, `TimeoutError`). */
export const ATTR_ERROR_TYPE = 'error.type';

/** EventStoreDB's category: what precedes the first dash (`subject-<uuid>` -> `subject`). */
export function streamCategory(stream: string): string {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
}
