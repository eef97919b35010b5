import type { RangeKey, RangeQuery, ReadStore } from '#read-store';
import {
  CONSENT_RECORDS,
  REPORT_INDEX_FIELDS,
  reportKey,
  type ConsentReportDocument,
  type ReportFilter,
} from './consent-report';

/** A report row: the record without its index keys. */
export type ConsentReportRow = Omit<ConsentReportDocument, 'reportKeys'>;

export interface ReportPageQuery {
  filter: ReportFilter;
  /** Inclusive bounds on `recordedAt` (ISO-8601 UTC). */
  from?: string;
  to?: string;
  /** The `next` of the previous page. */
  after?: RangeKey;
  limit: number;
}

export interface ReportPage {
  /** Set when more records follow the page. */
  next?: RangeKey;
  rows: AsyncIterable<ConsentReportRow>;
}

function rangeOf(query: ReportPageQuery): RangeQuery {
  return {
    fields: REPORT_INDEX_FIELDS,
    equal: { reportKeys: reportKey(query.filter) },
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
    ...(query.after === undefined ? {} : { after: query.after }),
  };
}

async function* rowsOf(store: ReadStore, range: RangeQuery): AsyncIterable<ConsentReportRow> {
  for await (const { doc } of store.scan<ConsentReportDocument>(CONSENT_RECORDS, range)) {
    const { reportKeys: _keys, ...row } = doc;
    yield row;
  }
}

/**
 * One page of the report in (recordedAt, id) order. Its end is read from the index first, so the
 * next cursor is known before the rows stream, and records changing meanwhile move behind the
 * cursor instead of shifting the page.
 */
export async function consentReportPage(store: ReadStore, query: ReportPageQuery): Promise<ReportPage> {
  const range = rangeOf(query);
  const end = await store.keyAt(CONSENT_RECORDS, range, query.limit);
  if (end === undefined) return { rows: rowsOf(store, range) };
  const more = await store.keyAt(CONSENT_RECORDS, { ...range, after: end }, 1);
  return { rows: rowsOf(store, { ...range, until: end }), ...(more ? { next: end } : {}) };
}
