import type { ReadStore } from '#read-store';
import { type DsrRequestDocument, isOverdue } from './dsr-requests';
import { byDeadline, DSR_COLLECTION, findOpenRequests } from './open-requests';

const WEEK_MS = 7 * 86_400_000;

export type DueRequest = Pick<DsrRequestDocument, 'requestId' | 'subjectId' | 'kind' | 'dueAt' | 'reference'>;

/** Art. 12(3) at a glance: what is past its deadline, and what falls due within the next seven days. */
export type RequestsDuePanel = { overdue: DueRequest[]; dueThisWeek: DueRequest[] };

export async function requestsDue(
  store: ReadStore,
  collections: readonly string[],
  now: string,
): Promise<RequestsDuePanel> {
  if (!collections.includes(DSR_COLLECTION)) return { overdue: [], dueThisWeek: [] };
  const open = (await findOpenRequests<DsrRequestDocument>(store)).sort(byDeadline);
  const weekEnd = Date.parse(now) + WEEK_MS;
  const brief = ({ requestId, subjectId, kind, dueAt, reference }: DsrRequestDocument): DueRequest => ({
    requestId,
    subjectId,
    kind,
    dueAt,
    ...(reference === undefined ? {} : { reference }),
  });
  return {
    overdue: open.filter((doc) => isOverdue(doc, now)).map(brief),
    dueThisWeek: open.filter((doc) => !isOverdue(doc, now) && Date.parse(doc.dueAt) <= weekEnd).map(brief),
  };
}
