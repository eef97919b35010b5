import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { byDeadline, findOpenRequests, isOverdue, type DsrRequestDocument } from '#projections';
import type { ReadStore } from '#read-store';
import { READ_STORE } from '#runtime';

export type RequestQueueStatus = 'open' | 'overdue';

export class GetRequestQueue {
  constructor(
    readonly status: RequestQueueStatus,
    readonly now: string,
    readonly subjectId?: string,
  ) {}
}

/** A queued request as answered: an open one past its deadline shows `overdue` (depends on `now`, so never stored). */
export type QueuedRequest = Omit<DsrRequestDocument, 'status'> & { status: DsrRequestDocument['status'] | 'overdue' };

/**
 * Art. 12(3): the open (or overdue) data-subject requests, earliest deadline first, from the
 * dsr-requests read model. Like every query it may trail the log; a client that must see its own
 * write passes the command's position as X-Min-Position.
 */
@QueryHandler(GetRequestQueue)
export class GetRequestQueueHandler implements IQueryHandler<GetRequestQueue, QueuedRequest[]> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ status, now, subjectId }: GetRequestQueue): Promise<QueuedRequest[]> {
    const open = await findOpenRequests<DsrRequestDocument>(this.store);
    const ofSubject = subjectId === undefined ? open : open.filter((doc) => doc.subjectId === subjectId);
    const wanted = status === 'overdue' ? ofSubject.filter((doc) => isOverdue(doc, now)) : ofSubject;
    return wanted.sort(byDeadline).map((doc) => (isOverdue(doc, now) ? { ...doc, status: 'overdue' } : doc));
  }
}
