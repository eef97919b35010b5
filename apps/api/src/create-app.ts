import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { Infrastructure } from '#runtime';
import { AppModule } from './app.module';
import { loggerFor } from './logging/logger.options';
import { RequestLogController } from './logging/request-logging';
import { limitRequestsOutsideNest } from './auth/outside-routes-rate-limit';
import { serveDashboardOnUnknownPages } from './dashboard/dashboard-fallback';
import { refuseDeepJson } from './http/json-body';
import { servePrivacyCenterOnUnknownPages } from './privacy-center-page/privacy-center-fallback';
import { setupOpenApi } from './http/openapi';
import { serveLeanRoutes } from './http/lean-route';
import { contactabilityCheckRoute } from './read-side/contactability-route';
import { acceptCookies } from './privacy-center/accept-cookies';
import { securePersonalAnswers } from './privacy-center/personal-answer-headers';

/** Request bodies above this size are refused with 413 before any handler runs. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface CreateAppOptions {
  /** Modules mounted beside AppModule, e.g. test-only routes; they get the same guards, pipes and filters. */
  extraModules?: Array<Type | DynamicModule>;
}

/** Builds the api on already opened stores; main.ts listens, e2e tests use it the same way. */
export async function createApp(
  infra: Infrastructure,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const root = options.extraModules?.length
    ? { module: class ApiWithExtras {}, imports: [AppModule.forRoot(infra), ...options.extraModules] }
    : AppModule.forRoot(infra);
  const app = await NestFactory.create<NestFastifyApplication>(
    root,
    // Fastify takes a hop count too; the adapter's type lists only the other forms.
    new FastifyAdapter({
      bodyLimit: BODY_LIMIT_BYTES,
      trustProxy: infra.config.trustProxy as boolean | string[],
      loggerInstance: loggerFor(infra.config),
      logController: new RequestLogController(),
    }),
    // Only Fastify's own JSON parser: every other content type (forms, text) is refused with 415.
    // No console logger of Nest's own: its lines are buffered and go to pino once the app exists,
    // and a start-up error is main.ts's one line instead of Nest's stack trace before it.
    { bufferLogs: true, abortOnError: false, bodyParser: false, logger: false },
  );
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
  refuseDeepJson(app.getHttpAdapter().getInstance());
  await acceptCookies(app);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  limitRequestsOutsideNest(app);
  securePersonalAnswers(app);
  serveDashboardOnUnknownPages(app);
  serveLeanRoutes(app, contactabilityCheckRoute(app));
  servePrivacyCenterOnUnknownPages(app);
  setupOpenApi(app);
  return app;
}
