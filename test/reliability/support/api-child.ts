/*
 * The real api as `main.ts` wires it, for tests and benchmarks that need it in its own process
 * (to kill it with SIGKILL, or to keep the load generator's CPU apart). Environment as for
 * main.ts; it always listens on 127.0.0.1 and an ephemeral port, and prints `listening <port>`.
 * Run with `node -r test/fixtures/swc-register.js test/reliability/support/api-child.ts`.
 */
import 'reflect-metadata';
import { loadConfig, openInfrastructure } from '#runtime';
import { createApp } from '../../../apps/api/src/create-app';

async function main(): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...process.env });
  const infra = await openInfrastructure(config, () => undefined);
  const app = await createApp(infra);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`listening ${address.port}\n`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`api-child: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
