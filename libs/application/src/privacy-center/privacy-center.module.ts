import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger.module';
import { EmailDirectory } from './email-directory';
import { PrivacyCenterOverview } from './privacy-center-overview';
import { SelfServiceConsents } from './self-service-consents';
import { SelfServiceRights } from './self-service-rights';

/** The Privacy Center's use cases: who holds an address, the person's page, and their actions. */
@Module({
  imports: [LedgerModule],
  providers: [EmailDirectory, PrivacyCenterOverview, SelfServiceConsents, SelfServiceRights],
  exports: [EmailDirectory, PrivacyCenterOverview, SelfServiceConsents, SelfServiceRights],
})
export class PrivacyCenterModule {}
