import {
  anything,
  flag,
  integer,
  list,
  mapOf,
  number,
  object,
  oneOfValues,
  text,
  time,
  type Schema,
} from './schema-helpers';

const counts = object({ imported: integer, duplicates: integer, refused: integer });

/** The caller, health and the import report. */
export const OPERATIONS_SCHEMAS = {
  Identity: object({ name: text, roles: list(oneOfValues(['admin', 'crm', 'journey', 'auditor', 'dpo'])) }),
  Health: object(
    { status: oneOfValues(['ok', 'error']) },
    { info: mapOf(anything), error: mapOf(anything), details: mapOf(anything) },
    'Terminus health report',
  ),
  ImportReport: object({
    runId: text,
    format: oneOfValues(['ndjson', 'csv']),
    dryRun: flag,
    startedAt: time,
    finishedAt: time,
    elapsedMs: integer,
    records: integer,
    imported: integer,
    duplicates: integer,
    refused: integer,
    recordsPerSecond: number,
    byKind: mapOf(counts),
    refusals: list(
      object({ line: integer, code: text, reason: text }, { kind: text, field: text }),
      'Sorted by line; at most a fixed number, see refusalsNotListed',
    ),
    refusalsNotListed: integer,
  }),
} satisfies Record<string, Schema>;
