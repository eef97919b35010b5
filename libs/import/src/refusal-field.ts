import { DomainError, ErrorCodes } from '#domain';
import type { RecordRefusal } from './import-record';

/** Domain field names as the import format spells them (docs/import-format.md). */
const RENAMED: Record<string, string> = {
  subjectId: 'externalId',
  'scope.topicId': 'topicId',
  'scope.channel': 'channel',
  'scope.kind': 'scope',
  'scope.contactPointId': 'contactPointId',
  reference: 'referenceKind/referenceId',
  'Idempotency-Key': 'record',
};

export function recordField(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  if (RENAMED[field]) return RENAMED[field];
  return field.startsWith('evidence.') ? field.slice('evidence.'.length) : field;
}

/** A refusal as the report shows it; anything but a DomainError is not a refusal and is rethrown. */
export function refusalOf(error: unknown, line: number, kind: unknown): RecordRefusal {
  if (!(error instanceof DomainError)) throw error;
  // A refusal about the subject as a whole (not registered, erased) is about the record's externalId.
  const field = recordField(error.field ?? (error.code.startsWith('SUBJECT.') ? 'subjectId' : undefined));
  const reason =
    error.code === ErrorCodes.IDEMPOTENCY_KEY_REUSED
      ? 'this record was imported before with different content; change it through the API'
      : error.message;
  return {
    line,
    ...(typeof kind === 'string' ? { kind } : {}),
    ...(field === undefined ? {} : { field }),
    code: error.code,
    reason,
  };
}
