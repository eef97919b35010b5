import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IntegrationEvent } from '../integration/integration-event';
import { TARGET_FORBIDDEN } from './guarded-lookup';
import { postEvent } from './webhook-sender';

const event = { id: 'evt-1', type: 'consent.changed.v1', position: 1 } as unknown as IntegrationEvent;
const at = (url: string) => ({
  url,
  signing: { current: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
  source: 'https://ledger.test/feed',
});
const strict = { timeoutMs: 2_000, allowPrivateTargets: false };
const lenient = { timeoutMs: 2_000, allowPrivateTargets: true };

/** Delivery over real sockets to a receiver on 127.0.0.1, reached by address and by the name localhost. */
describe('postEvent: the target rule at delivery time', () => {
  let server: Server;
  let port: number;
  let received = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      received++;
      req.resume();
      res.statusCode = 204;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses a name that resolves to loopback (DNS rebinding): nothing reaches the receiver', async () => {
    const before = received;
    expect(await postEvent(at(`http://localhost:${port}/hook`), event, 1, strict)).toEqual({
      ok: false,
      error: TARGET_FORBIDDEN,
    });
    expect(received).toBe(before);
  });

  it('refuses a literal private address registered while private targets were allowed', async () => {
    const before = received;
    expect(await postEvent(at(`http://127.0.0.1:${port}/hook`), event, 1, strict)).toEqual({
      ok: false,
      error: TARGET_FORBIDDEN,
    });
    expect(received).toBe(before);
  });

  it('delivers to both when WEBHOOK_ALLOW_PRIVATE_TARGETS=true', async () => {
    const before = received;
    expect(await postEvent(at(`http://localhost:${port}/hook`), event, 1, lenient)).toEqual({ ok: true, status: 204 });
    expect(await postEvent(at(`http://127.0.0.1:${port}/hook`), event, 2, lenient)).toEqual({ ok: true, status: 204 });
    expect(received).toBe(before + 2);
  });

  it('reports a receiver that does not answer in time as TimeoutError', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    expect(
      await postEvent(at(`http://127.0.0.1:${silentPort}/`), event, 1, { timeoutMs: 200, allowPrivateTargets: true }),
    ).toEqual({ ok: false, error: 'TimeoutError' });
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });
});
