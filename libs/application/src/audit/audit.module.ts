import { Logger, Module } from '@nestjs/common';
import { type AppConfig, APP_CONFIG, openSigningKey } from '#runtime';
import { LedgerModule } from '../ledger.module';
import {
  ListCheckpointsHandler,
  VerifySubjectHandler,
  GetSubjectTimelineHandler,
  GetSubjectStateAtHandler,
  GetConsentReceiptHandler,
  GetConsistencyProofHandler,
} from './audit.queries';
import { GetConsentRecordHandler } from './consent-record.query';
import { AuditCheckpointService } from './checkpoint-service';
import { AUDIT_SIGNING_KEY } from './tokens';

/** Proof for auditors: the signing key, periodic signed checkpoints, verification, receipts, history. */
@Module({
  imports: [LedgerModule],
  providers: [
    {
      provide: AUDIT_SIGNING_KEY,
      useFactory: (config: AppConfig) => openSigningKey(config, (line) => new Logger('Audit').warn(line)),
      inject: [APP_CONFIG],
    },
    AuditCheckpointService,
    ListCheckpointsHandler,
    VerifySubjectHandler,
    GetSubjectTimelineHandler,
    GetSubjectStateAtHandler,
    GetConsentReceiptHandler,
    GetConsentRecordHandler,
    GetConsistencyProofHandler,
  ],
  exports: [LedgerModule, AUDIT_SIGNING_KEY, AuditCheckpointService],
})
export class AuditModule {}
