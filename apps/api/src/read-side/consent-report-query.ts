import { refusal } from '#domain';
import type { ReportPageQuery } from '#projections';
import type { RangeKey } from '#read-store';
import { REPORT_DEFAULT_LIMIT, type ConsentReportQueryDto } from './dto/consent-report-query.dto';
import { requireKnownChannel } from './read-side-errors';

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9/_:.-]{0,299}$/;

/** Opaque to clients: the (recordedAt, id) of the page's last record, base64url JSON. */
export function encodeCursor(key: RangeKey): string {
  return Buffer.from(JSON.stringify([key.value, key.id]), 'utf8').toString('base64url');
}

const badCursor = () =>
  refusal('REPORT.CURSOR_INVALID', 'cursor must be the value of a previous page’s Link rel="next"', 'cursor');

export function decodeCursor(cursor: string): RangeKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw badCursor();
  const [value, id] = parsed as unknown[];
  if (typeof value !== 'string' || !TIME.test(value) || typeof id !== 'string' || !ID.test(id)) throw badCursor();
  return { value, id };
}

/** Stored times are `toISOString()` text, so bounds are compared in that form. */
const instant = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

export function reportPageQuery(dto: ConsentReportQueryDto, channels: readonly string[]): ReportPageQuery {
  if (dto.channel !== undefined) requireKnownChannel(dto.channel, channels);
  const from = instant(dto.from);
  const to = instant(dto.to);
  if (from !== undefined && to !== undefined && from > to) {
    throw refusal('REPORT.RANGE_INVALID', 'from must not be later than to', 'from');
  }
  const { topicId, channel, status } = dto;
  return {
    filter: { ...(topicId && { topicId }), ...(channel && { channel }), ...(status && { status }) },
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(dto.cursor === undefined ? {} : { after: decodeCursor(dto.cursor) }),
    limit: dto.limit ?? REPORT_DEFAULT_LIMIT,
  };
}

/** RFC 8288: the same query from the next cursor on. */
export function nextLink(path: string, dto: ConsentReportQueryDto, next: RangeKey): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(dto)) {
    if (value !== undefined && name !== 'cursor') params.set(name, String(value));
  }
  params.set('cursor', encodeCursor(next));
  return `<${path}?${params.toString()}>; rel="next"`;
}
