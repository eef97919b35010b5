import { createServer } from 'node:net';
import { EventStoreUnavailableError } from '../errors';
import { EsdbEventStore } from './esdb-event-store';

/** A port on loopback that nothing listens on: bind one, note it, release it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('EsdbEventStore.connect', () => {
  it('refuses a malformed connection string with one line naming the setting, without the password', async () => {
    const attempt = EsdbEventStore.connect('esdb://admin:hunter2@db:notaport?tls=false');
    await expect(attempt).rejects.toBeInstanceOf(EventStoreUnavailableError);
    const error = (await attempt.catch((e: unknown) => e)) as EventStoreUnavailableError;
    expect(error.setting).toBe('EVENTSTORE_CONNECTION_STRING');
    expect(error.message).toContain('EVENTSTORE_CONNECTION_STRING');
    expect(error.message).toContain('malformed');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('\n');
  });

  it('fails fast on an unreachable server, naming the setting, without the password', async () => {
    const port = await closedPort();
    const started = Date.now();
    const attempt = EsdbEventStore.connect(`esdb://admin:hunter2@127.0.0.1:${port}?tls=false`);
    const error = (await attempt.catch((e: unknown) => e)) as EventStoreUnavailableError;
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(error.message).toMatch(/unreachable/);
    expect(error.message).toContain(`esdb://admin:***@127.0.0.1:${port}`);
    expect(error.message).not.toContain('hunter2');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
