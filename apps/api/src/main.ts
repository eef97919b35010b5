// First: tracing must be started before the modules it instruments are loaded.
import './tracing';
import 'reflect-metadata';
import { createLogger, loadConfig, openInfrastructure } from '#runtime';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config, { base: { context: 'Bootstrap' } });
  const infra = await openInfrastructure(config, (line: string, level?: 'info' | 'warn') => log[level ?? 'info'](line));
  const app = await createApp(infra);
  await app.listen(config.port, config.host).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE'
      ? Object.assign(new Error(`PORT: ${config.host}:${config.port} is already in use`), { setting: 'PORT' })
      : error;
  });
  log.info(`listening on http://${config.host}:${config.port}`);
}

/** Start-up problems are the operator's to fix: one line naming the setting, no stack trace. */
main().catch((error: Error & { setting?: string }) => {
  const known = error.name === 'ConfigError' || error.setting !== undefined || error.name.endsWith('UnavailableError');
  process.stderr.write(`privacy-ledger: cannot start: ${known ? error.message : (error.stack ?? error.message)}\n`);
  process.exit(1);
});
