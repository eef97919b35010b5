import { Module } from '@nestjs/common';
import { LedgerModule, PrivacyCenterModule } from '#application';
import { JourneysModule } from '#journeys';
import { PrivacyCenterController } from './privacy-center.controller';
import { PrivacyCenterEntryController } from './privacy-center-entry.controller';
import { PrivacyCenterSessionGuard } from './privacy-center-session.guard';
import { SignInLimits } from './sign-in-limits';

/** The Privacy Center's HTTP edge (issue #18); its page's files are served beside it. */
@Module({
  imports: [LedgerModule, JourneysModule, PrivacyCenterModule],
  controllers: [PrivacyCenterEntryController, PrivacyCenterController],
  providers: [PrivacyCenterSessionGuard, SignInLimits],
})
export class PrivacyCenterHttpModule {}
