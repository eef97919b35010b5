import type { ConsentReportRow } from '#projections';
import { edgeRefusal } from '../http/edge-refusals';
import { csvLine } from '../http/csv-cell';

export const REPORT_MEDIA = { ndjson: 'application/x-ndjson', csv: 'text/csv' } as const;
export type ReportFormat = keyof typeof REPORT_MEDIA;

const COLUMNS = [
  'subjectId',
  'topicId',
  'channel',
  'contactPointId',
  'status',
  'textVersion',
  'evidenceMethod',
  'capturedAt',
  'recordedAt',
  'eventIds',
] as const satisfies readonly (keyof ConsentReportRow)[];

const ACCEPTED: Readonly<Record<string, ReportFormat>> = {
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/*': 'ndjson',
  '*/*': 'ndjson',
  'text/csv': 'csv',
  'text/*': 'csv',
};

/** RFC 9110 12.5.1: the listed media ranges by quality; none listed means any. q=0 rules a range out. */
export function reportFormat(accept: string | undefined): ReportFormat {
  if (accept === undefined || accept.trim() === '') return 'ndjson';
  const ranges = accept.split(',').map((part, order) => {
    const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return { type, q: q === undefined ? 1 : Number(q.slice(2)), order };
  });
  const usable = ranges.filter((r) => r.q > 0 && r.type in ACCEPTED).sort((a, b) => b.q - a.q || a.order - b.order);
  if (usable.length === 0) {
    const message = `Accept must allow ${REPORT_MEDIA.ndjson} or ${REPORT_MEDIA.csv}`;
    throw edgeRefusal('HTTP.NOT_ACCEPTABLE', message, {}, { field: 'Accept' });
  }
  return ACCEPTED[usable[0]!.type]!;
}

function line(row: ConsentReportRow, format: ReportFormat): string {
  if (format === 'ndjson') return `${JSON.stringify(row)}\n`;
  return csvLine(COLUMNS.map((c) => (c === 'eventIds' ? row.eventIds.join(' ') : (row[c] ?? null))));
}

const FLUSH_AT = 64 * 1024;

/** Lines gathered into chunks of about 64 KiB: fewer writes than rows, and never more than a chunk held. */
export async function* encodeReport(
  rows: AsyncIterable<ConsentReportRow>,
  format: ReportFormat,
): AsyncIterable<string> {
  let chunk = format === 'csv' ? csvLine(COLUMNS) : '';
  for await (const row of rows) {
    chunk += line(row, format);
    if (chunk.length >= FLUSH_AT) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
