import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { byDeadline, findOpenRequests, isOverdue, type DsrRequestDocument } from '#projections';
import type { ReadStore } from '#read-store';
import { READ_STORE } from '../infrastructure/tokens';

export type RequestQueueStatus = 'open' | 'overdue';

export class GetRequestQueue {
  constructor(readonly status: RequestQueueStatus, readonly now: string) {}
}

/**
 * Art. 12(3): the open (or overdue) data-subject requests, earliest deadline first, from the
 * dsr-requests read model. Like every query it may trail the log; a client that must see its own
 * write passes the command's position as X-Min-Position.
 */
@QueryHandler(GetRequestQueue)
export class GetRequestQueueHandler implements IQueryHandler<GetRequestQueue, DsrRequestDocument[]> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ status, now }: GetRequestQueue): Promise<DsrRequestDocument[]> {
    const open = await findOpenRequests<DsrRequestDocument>(this.store);
    const wanted = status === 'overdue' ? open.filter((doc) => isOverdue(doc, now)) : open;
    return wanted.sort(byDeadline);
  }
}
