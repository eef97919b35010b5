import { Module } from '@nestjs/common';
import { PrivacyCenterPageController } from './privacy-center-page.controller';
import { PrivacyCenterPage } from './privacy-center-page';

/** Serves the Privacy Center's page bundle (apps/dashboard, built to dist/privacy-center) under `/privacy-center/`. */
@Module({
  controllers: [PrivacyCenterPageController],
  providers: [{ provide: PrivacyCenterPage, useFactory: () => PrivacyCenterPage.load() }],
  exports: [PrivacyCenterPage],
})
export class PrivacyCenterPageModule {}
