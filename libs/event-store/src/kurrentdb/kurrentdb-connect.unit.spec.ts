import { createServer } from 'node:net';
import { EventStoreUnavailableError } from '../errors';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { parseClient, withCurrentScheme } from './kurrentdb-connect';

const SETTING = 'KURRENTDB_CONNECTION_STRING';

/** A port on loopback that nothing listens on: bind one, note it, release it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('KurrentDbEventStore.connect', () => {
  it('refuses a malformed connection string with one line naming the setting, without the password', async () => {
    const attempt = KurrentDbEventStore.connect('kurrentdb://admin:hunter2@db:notaport?tls=false', SETTING);
    await expect(attempt).rejects.toBeInstanceOf(EventStoreUnavailableError);
    const error = (await attempt.catch((e: unknown) => e)) as EventStoreUnavailableError;
    expect(error.setting).toBe('KURRENTDB_CONNECTION_STRING');
    expect(error.message).toContain('KURRENTDB_CONNECTION_STRING');
    expect(error.message).toContain('malformed');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('\n');
  });

  it('names the variable the operator set when it is the former EVENTSTORE_CONNECTION_STRING', async () => {
    const attempt = KurrentDbEventStore.connect(
      'esdb://admin:hunter2@db:notaport?tls=false',
      'EVENTSTORE_CONNECTION_STRING',
    );
    const error = (await attempt.catch((e: unknown) => e)) as EventStoreUnavailableError;
    expect(error.setting).toBe('EVENTSTORE_CONNECTION_STRING');
    expect(error.message).toMatch(
      /^KurrentDB connection string is malformed.*\(EVENTSTORE_CONNECTION_STRING=esdb:\/\/admin:\*\*\*@db:notaport\?tls=false\)$/,
    );
  });

  it('fails fast on an unreachable server, naming the setting, without the password', async () => {
    const port = await closedPort();
    const started = Date.now();
    const attempt = KurrentDbEventStore.connect(`kurrentdb://admin:hunter2@127.0.0.1:${port}?tls=false`, SETTING);
    const error = (await attempt.catch((e: unknown) => e)) as EventStoreUnavailableError;
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(error.message).toMatch(/unreachable or refused the connection \(server unavailable\)/);
    expect(error.message).toContain(`kurrentdb://admin:***@127.0.0.1:${port}`);
    expect(error.message).not.toContain('hunter2');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('KurrentDB connection string schemes', () => {
  it('gives the client kurrentdb:// for the esdb:// of EventStoreDB days, discovery kept', () => {
    expect(withCurrentScheme('esdb://db:2113?tls=false')).toBe('kurrentdb://db:2113?tls=false');
    expect(withCurrentScheme(' esdb+discover://a,b?tls=false ')).toBe('kurrentdb+discover://a,b?tls=false');
    expect(withCurrentScheme('kurrentdb://db:2113')).toBe('kurrentdb://db:2113');
    expect(withCurrentScheme('kurrentdb://esdb://')).toBe('kurrentdb://esdb://');
  });

  it('accepts both schemes without the client writing its own deprecation line to the console', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const scheme of ['kurrentdb', 'esdb'])
        await parseClient(`${scheme}://127.0.0.1:1?tls=false`, SETTING).dispose();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
