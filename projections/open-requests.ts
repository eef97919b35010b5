import type { ReadStore } from '#read-store';

/**
 * The collection the data-subject request model (another read model, Art. 12(3)) is expected to
 * write: id = request id, an index on `open`, and at least these fields.
 */
export const DSR_COLLECTION = 'dsr';
export type OpenRequestDocument = {
  requestId: string;
  subjectId: string;
  kind: string;
  open: boolean;
  receivedAt: string;
  dueAt: string;
};

export type RequestsDue = {
  dueDate: string;
  overdue: boolean;
  requests: Array<{ requestId: string; subjectId: string; kind: string; dueAt: string }>;
};

/**
 * Open requests grouped by the day they are due (Art. 12(3): one month), earliest first. Empty
 * while no read model declares the `dsr` collection.
 */
export async function openRequestsByDueDate(
  store: ReadStore,
  collections: readonly string[],
  now: string,
): Promise<RequestsDue[]> {
  if (!collections.includes(DSR_COLLECTION)) return [];
  return groupByDueDate(await findOpenRequests<OpenRequestDocument>(store), now);
}

/** Every open request, read page by page through the `open` index. */
export async function findOpenRequests<T extends OpenRequestDocument>(store: ReadStore): Promise<T[]> {
  const open: T[] = [];
  let after: string | undefined;
  do {
    const page = await store.find<T>(DSR_COLLECTION, { open: true }, { after, limit: 1000 });
    open.push(...page.items.map((item) => item.doc));
    after = page.next;
  } while (after !== undefined);
  return open;
}

/** Earliest deadline first; the request id breaks ties, so the order is stable across stores. */
export function byDeadline(
  a: Pick<OpenRequestDocument, 'dueAt' | 'requestId'>,
  b: Pick<OpenRequestDocument, 'dueAt' | 'requestId'>,
): number {
  return Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.requestId.localeCompare(b.requestId);
}

export function groupByDueDate(open: readonly OpenRequestDocument[], now: string): RequestsDue[] {
  const byDay = new Map<string, RequestsDue>();
  const sorted = [...open].sort(byDeadline);
  for (const { requestId, subjectId, kind, dueAt } of sorted) {
    const dueDate = new Date(Date.parse(dueAt)).toISOString().slice(0, 10);
    const day = byDay.get(dueDate) ?? { dueDate, overdue: false, requests: [] };
    day.overdue ||= Date.parse(dueAt) <= Date.parse(now);
    day.requests.push({ requestId, subjectId, kind, dueAt });
    byDay.set(dueDate, day);
  }
  return [...byDay.values()];
}
