import { isIsoTimestamp, refuse, type ErrorCode } from '#domain';
import { RECORD_KINDS, type RecordKind } from './import-record';

/** What every record carries whatever its kind: who it is about and where it comes from. */
export interface RecordEnvelope {
  kind: RecordKind;
  sourceSystem: string;
  externalId: string;
  /** When it happened in the source system (consents: capturedAt); never after the import. */
  occurredAt?: string;
}

const MAX_ID = 200;

function invalid(code: ErrorCode, field: string, reason: string): never {
  refuse(code, reason, field);
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_ID) {
    invalid('IMPORT.FIELD_REQUIRED', field, `${field} is required: a text of 1 to ${MAX_ID} characters`);
  }
  return value.trim();
}

/**
 * Checks the fields that are the importer's own (the deciders check everything else, exactly as
 * for a live command). `defaultSource` fills a missing sourceSystem (CLI --source, ?sourceSystem=).
 */
export function recordEnvelope(fields: Record<string, unknown>, now: string, defaultSource?: string): RecordEnvelope {
  if (!(RECORD_KINDS as readonly unknown[]).includes(fields.kind)) {
    invalid('IMPORT.KIND_UNKNOWN', 'kind', `kind must be one of ${RECORD_KINDS.join(', ')}`);
  }
  const kind = fields.kind as RecordKind;
  const sourceSystem = requireText(fields.sourceSystem ?? defaultSource, 'sourceSystem');
  const externalId = requireText(fields.externalId, 'externalId');
  const field = kind === 'consent' ? 'capturedAt' : 'occurredAt';
  const occurredAt = fields[field];
  if (occurredAt === undefined) return { kind, sourceSystem, externalId };
  if (!isIsoTimestamp(occurredAt))
    invalid('IMPORT.DATE_INVALID', field, `${field} must be an ISO-8601 timestamp with an offset`);
  // A record from the future cannot be evidence of anything that happened (Art. 7(1)).
  if (Date.parse(occurredAt) > Date.parse(now)) invalid('IMPORT.DATE_IN_FUTURE', field, `${field} lies in the future`);
  return { kind, sourceSystem, externalId, occurredAt };
}
