import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { InfrastructureModule, type Infrastructure } from '#runtime';
import { AuditHttpModule } from './audit/audit-http.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { ProjectionsModule } from '#projection-runtime';
import { READ_MODELS } from '#projections';
import { MetricsModule } from './metrics/metrics.module';
import { HealthModule } from './health/health.module';
import { HttpEdgeModule } from './http/http-edge.module';
import { JourneysHttpModule } from './journeys/journeys-http.module';
import { loggerOptions } from './logging/logger.options';
import { LedgerHttpModule } from './subjects/subjects.module';
import { PrivacyHttpModule } from './privacy/privacy-http.module';
import { PrivacyCenterPageModule } from './privacy-center-page/privacy-center-page.module';
import { PrivacyCenterHttpModule } from './privacy-center/privacy-center-http.module';
import { ReadSideModule } from './read-side/read-side.module';
import { ImportHttpModule } from './import/import-http.module';
import { RegisterHttpModule } from './register/register-http.module';

@Module({})
export class AppModule {
  static forRoot(infra: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(infra.config)),
        InfrastructureModule.forRoot(infra),
        HttpEdgeModule,
        HealthModule,
        LedgerHttpModule,
        PrivacyHttpModule,
        ReadSideModule,
        ImportHttpModule,
        RegisterHttpModule,
        AuditHttpModule,
        ProjectionsModule.forRoot({ models: READ_MODELS }),
        MetricsModule,
        JourneysHttpModule,
        PrivacyCenterHttpModule,
        DashboardModule,
        PrivacyCenterPageModule,
      ],
    };
  }
}
