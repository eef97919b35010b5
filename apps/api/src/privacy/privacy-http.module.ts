import { Module } from '@nestjs/common';
import { PrivacyModule } from '#application';
import { ErasureController } from './erasure.controller';
import { ExportController } from './export.controller';
import { ExportDownloadController } from './export-download.controller';
import { LegalHoldsController } from './legal-holds.controller';
import { PrivacyScheduler } from './privacy-scheduler';
import { ReadYourWritesGuard } from '../read-side/read-your-writes';
import { RequestsController } from './requests.controller';
import { SubjectLabels } from '../read-side/subject-labels';

@Module({
  imports: [PrivacyModule],
  controllers: [
    ErasureController,
    LegalHoldsController,
    RequestsController,
    ExportController,
    ExportDownloadController,
  ],
  providers: [PrivacyScheduler, ReadYourWritesGuard, SubjectLabels],
})
export class PrivacyHttpModule {}
