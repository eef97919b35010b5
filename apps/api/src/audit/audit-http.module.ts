import { Module } from '@nestjs/common';
import { AuditModule } from '#application';
import { AuditController } from './audit.controller';
import { SubjectProofController } from './subject-proof.controller';

@Module({
  imports: [AuditModule],
  controllers: [AuditController, SubjectProofController],
})
export class AuditHttpModule {}
