// First: tracing must be started before the modules it instruments are loaded.
import './tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { createLogger, loadConfig, openInfrastructure } from '#runtime';
import { READ_MODELS } from '#projections';
import { ProjectorModule } from './projector.module';

/**
 * `apps/projector`: runs every read model's runner against KurrentDB and MongoDB (or the
 * embedded files). Start several for availability: each model is run by the instance holding its
 * lease in the read store, the others stand by and take over when it stops renewing. SIGTERM
 * finishes the running batches and releases the leases, so a standby takes over at once.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config, { base: { context: 'Projector' } });
  const infra = await openInfrastructure(config, (line, level) => log[level ?? 'info'](line));
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(infra, READ_MODELS), {
    bufferLogs: true,
    abortOnError: false,
    logger: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
  log.info(`projector started: ${READ_MODELS.map((m) => `${m.name} v${m.version}`).join(', ')}`);
}

main().catch((error: Error & { setting?: string }) => {
  const known = error.name === 'ConfigError' || error.setting !== undefined || error.name.endsWith('UnavailableError');
  process.stderr.write(
    `privacy-ledger projector: cannot start: ${known ? error.message : (error.stack ?? error.message)}\n`,
  );
  process.exit(1);
});
