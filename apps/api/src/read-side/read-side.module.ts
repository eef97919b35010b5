import { Module } from '@nestjs/common';
import { AudiencesController } from './audiences.controller';
import { ConsentReportController } from './consent-report.controller';
import { ContactabilityController } from './contactability.controller';
import { ContactabilityReads } from './contactability-reads';
import { MissionControl } from './mission-control';
import { ProfileView } from './profile-view';
import { ReadYourWritesGuard } from './read-your-writes';
import { StatsController } from './stats.controller';
import { StatsFrames } from './stats-frames';
import { StreamSlots } from './stream-slots';
import { SubjectProfileController } from './subject-profile.controller';

/** Query routes over the read models; each honours X-Min-Position (read-your-writes). */
@Module({
  controllers: [
    SubjectProfileController,
    ContactabilityController,
    AudiencesController,
    StatsController,
    ConsentReportController,
  ],
  providers: [ContactabilityReads, ProfileView, MissionControl, ReadYourWritesGuard, StatsFrames, StreamSlots],
})
export class ReadSideModule {}
