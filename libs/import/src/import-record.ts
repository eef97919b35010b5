/** The kinds of record an import file may hold; each becomes one live subject command. */
export const RECORD_KINDS = ['subject', 'consent', 'revocation', 'objection', 'block'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A line (NDJSON) or row (CSV) as read: a plain object of fields, before any rule is checked. */
export interface RawRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: Record<string, unknown>;
}

/** Why a record was not imported, named by the file's own line and field. */
export interface RecordRefusal {
  line: number;
  kind?: string;
  field?: string;
  code: string;
  reason: string;
}

/** A line the reader could not turn into fields (invalid UTF-8, malformed JSON). */
export interface UnreadableRecord {
  line: number;
  refusal: RecordRefusal;
}

export type ReadItem = RawRecord | UnreadableRecord;

export function isUnreadable(item: ReadItem): item is UnreadableRecord {
  return 'refusal' in item;
}

/** Thrown when the file as a whole cannot be read (missing, a directory, UTF-16): the import stops. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}
