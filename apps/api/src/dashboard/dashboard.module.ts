import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardFiles } from './dashboard-files';

/** Serves the Mission Control web dashboard (apps/dashboard, built to dist/dashboard) at `/`. */
@Module({
  controllers: [DashboardController],
  providers: [{ provide: DashboardFiles, useFactory: () => DashboardFiles.load() }],
  exports: [DashboardFiles],
})
export class DashboardModule {}
