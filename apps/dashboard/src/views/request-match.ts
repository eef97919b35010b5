import type { DsrRequest } from '../api/types';

/** What the queue is narrowed to in the browser: the api answers every open request. */
export type Filters = { kind: string; status: '' | 'in-time' | 'extended'; overdueOnly: boolean };

export function matches(request: DsrRequest, { kind, status, overdueOnly }: Filters): boolean {
  if (kind && request.kind !== kind) return false;
  if (overdueOnly && request.status !== 'overdue') return false;
  if (status === 'extended' && !request.extendedUntil) return false;
  if (status === 'in-time' && request.status === 'overdue') return false;
  return true;
}
