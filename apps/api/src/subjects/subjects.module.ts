import { Module } from '@nestjs/common';
import { LedgerModule } from '#application';
import { TopicsController } from '../topics/topics.controller';
import { ConsentsController } from './consents.controller';
import { DoubleOptInController } from './double-opt-in.controller';
import { ExternalIdsController } from './external-ids.controller';
import { SubjectsController } from './subjects.controller';

@Module({
  imports: [LedgerModule],
  controllers: [TopicsController, SubjectsController, ConsentsController, DoubleOptInController, ExternalIdsController],
})
export class LedgerHttpModule {}
