import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '#event-store';
import { applyDsrEvent, dsrKeysOf, dsrRequestsModel, isOverdue, type DsrRequestDocument } from '#projections';
import { EVENT_STORE } from '../infrastructure/tokens';
import { readAllMatching } from './erased-subjects';

export type RequestQueueStatus = 'open' | 'overdue';

export class GetRequestQueue {
  constructor(readonly status: RequestQueueStatus, readonly now: string, readonly subjectId?: string) {}
}

/** A queued request as answered: an open one past its deadline shows `overdue` (depends on `now`, so never stored). */
export type QueuedRequest = Omit<DsrRequestDocument, 'status'> & { status: DsrRequestDocument['status'] | 'overdue' };

/**
 * Art. 12(3): the open (or overdue) data-subject requests, earliest deadline first. Folded from
 * the log with the dsr-requests read model's own pure functions, so it is never behind a write.
 */
@QueryHandler(GetRequestQueue)
export class GetRequestQueueHandler implements IQueryHandler<GetRequestQueue, QueuedRequest[]> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ status, now, subjectId }: GetRequestQueue): Promise<QueuedRequest[]> {
    const docs = new Map<string, DsrRequestDocument>();
    for await (const event of readAllMatching(this.store, dsrRequestsModel.filter)) {
      for (const { id } of dsrKeysOf(event)) {
        const next = applyDsrEvent(docs.get(id), event);
        if (next !== undefined) docs.set(id, next);
      }
    }
    const ofSubject = [...docs.values()].filter((doc) => subjectId === undefined || doc.subjectId === subjectId);
    const wanted = ofSubject.filter((doc) => (status === 'overdue' ? isOverdue(doc, now) : doc.open));
    wanted.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.requestId.localeCompare(b.requestId));
    return wanted.map((doc) => (isOverdue(doc, now) ? { ...doc, status: 'overdue' } : doc));
  }
}
