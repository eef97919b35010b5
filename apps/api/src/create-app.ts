import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { Infrastructure } from '#application';
import { AppModule } from './app.module';

/** Request bodies above this size are refused with 413 before any handler runs. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** Builds the api on already opened stores; main.ts listens, e2e tests use it the same way. */
export async function createApp(infra: Infrastructure): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(infra),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES }),
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
