import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '#event-store';
import { applyDsrEvent, dsrKeysOf, dsrRequestsModel, isOverdue, type DsrRequestDocument } from '#projections';
import { EVENT_STORE } from '../infrastructure/tokens';
import { readAllMatching } from './erased-subjects';

export type RequestQueueStatus = 'open' | 'overdue';

export class GetRequestQueue {
  constructor(readonly status: RequestQueueStatus, readonly now: string) {}
}

/**
 * Art. 12(3): the open (or overdue) data-subject requests, earliest deadline first. Folded from
 * the log with the dsr-requests read model's own pure functions, so it is never behind a write.
 */
@QueryHandler(GetRequestQueue)
export class GetRequestQueueHandler implements IQueryHandler<GetRequestQueue, DsrRequestDocument[]> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ status, now }: GetRequestQueue): Promise<DsrRequestDocument[]> {
    const docs = new Map<string, DsrRequestDocument>();
    for await (const event of readAllMatching(this.store, dsrRequestsModel.filter)) {
      for (const { id } of dsrKeysOf(event)) {
        const next = applyDsrEvent(docs.get(id), event);
        if (next !== undefined) docs.set(id, next);
      }
    }
    const wanted = [...docs.values()].filter((doc) => (status === 'overdue' ? isOverdue(doc, now) : doc.open));
    return wanted.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.requestId.localeCompare(b.requestId));
  }
}
