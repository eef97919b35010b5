import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '#event-store';
import { type AppConfig, APP_CONFIG, EVENT_STORE } from '#runtime';
import type { ReceiptRequest } from './consent-receipt';
import type { ConsentRecordDocument } from './consent-record.document';
import { readConsentRecord } from './consent-record';

export class GetConsentRecord {
  constructor(readonly request: ReceiptRequest) {}
}

@QueryHandler(GetConsentRecord)
export class GetConsentRecordHandler implements IQueryHandler<GetConsentRecord, ConsentRecordDocument> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}
  execute({ request }: GetConsentRecord): Promise<ConsentRecordDocument> {
    return readConsentRecord(this.store, this.config.audit, request);
  }
}
