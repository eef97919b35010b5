import { Module } from '@nestjs/common';
import type { SubjectCrypto } from '#crypto';
import type { EventStore } from '#event-store';
import { type AppConfig, APP_CONFIG, EVENT_STORE, SUBJECT_CRYPTO } from '#runtime';
import { CommandExecutor } from '../commands/command-executor';
import { LedgerModule } from '../ledger.module';
import { SubjectCodec } from '../subjects/subject-codec';
import {
  ExtendDataSubjectRequestHandler,
  FulfilDataSubjectRequestHandler,
  ReceiveDataSubjectRequestHandler,
  RejectDataSubjectRequestHandler,
} from './dsr.commands';
import { EraseSubjectHandler } from './erase-subject.command';
import { DeliverExportHandler, OpenExportDeliveryHandler } from './export-delivery.commands';
import { SubjectExportBuilder } from './subject-export-builder';
import { PlaceLegalHoldHandler, ReleaseLegalHoldHandler } from './legal-hold.commands';
import { ReconcileOnStart } from './reconcile-on-start';
import { GetRequestQueueHandler } from './request-queue.query';
import { RetentionSweep } from './retention-sweep';
import { ExportSubjectHandler } from './subject-export.command';
import { SubjectEraser } from './subject-eraser';

/** Requests (Art. 12(3), 15-21), legal holds, erasure (Art. 17), export (Art. 15, 20), retention and the start-up reconcile. */
@Module({
  imports: [LedgerModule],
  providers: [
    {
      provide: SubjectEraser,
      inject: [CommandExecutor, SubjectCodec, SUBJECT_CRYPTO, APP_CONFIG],
      useFactory: (executor: CommandExecutor, codec: SubjectCodec, crypto: SubjectCrypto, config: AppConfig) =>
        new SubjectEraser(executor, codec, crypto, config.domain.channels),
    },
    {
      provide: RetentionSweep,
      inject: [EVENT_STORE, CommandExecutor, SubjectEraser, SUBJECT_CRYPTO],
      useFactory: (store: EventStore, executor: CommandExecutor, eraser: SubjectEraser, crypto: SubjectCrypto) =>
        new RetentionSweep(store, executor, eraser, crypto),
    },
    ReceiveDataSubjectRequestHandler,
    ExtendDataSubjectRequestHandler,
    FulfilDataSubjectRequestHandler,
    RejectDataSubjectRequestHandler,
    PlaceLegalHoldHandler,
    ReleaseLegalHoldHandler,
    EraseSubjectHandler,
    ExportSubjectHandler,
    SubjectExportBuilder,
    DeliverExportHandler,
    OpenExportDeliveryHandler,
    GetRequestQueueHandler,
    ReconcileOnStart,
  ],
  exports: [LedgerModule, SubjectEraser, RetentionSweep],
})
export class PrivacyModule {}
