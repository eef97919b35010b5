import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { encryptField, MasterKey } from '#crypto';
import { SqliteReadStore } from '#read-store';
import type { IntegrationEvent } from '../integration/integration-event';
import { JourneyKeys } from '#runtime';
import { VersionedWriter } from '../versioned-writer';
import { WEBHOOK_COLLECTION } from '#application';
import { WebhookRegistry } from './webhook-registry';
import { postEvent } from './webhook-sender';

const keys = JourneyKeys.fromMaster(MasterKey.fromBytes(Buffer.alloc(32, 5)));
const event = {
  id: 'evt-legacy',
  type: 'subject.erased.v1',
  subjectId: 'a1b2c3d4-0000-4000-8000-000000000001',
  newState: 'erased',
  position: 3,
  time: '2026-01-01T00:00:00.000Z',
} as IntegrationEvent;
const settings = { timeoutMs: 2_000, allowPrivateTargets: true };
const LEGACY = 'a-secret-registered-before-whsec';

/** Registrations in a real sqlite read store; deliveries to a real receiver verifying with standardwebhooks. */
describe('WebhookRegistry: secrets sealed as before, rotation with an overlap', () => {
  let dir: string;
  let store: SqliteReadStore;
  let server: Server;
  let url: string;
  const received: Array<{ raw: string; headers: Record<string, string> }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on(
        'end',
        () => (received.push({ raw, headers: req.headers as Record<string, string> }), res.writeHead(204).end()),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'webhook-registry-'));
    store = await SqliteReadStore.open(join(dir, 'read.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A registration as the code before Standard Webhooks wrote it: any 16+ character secret, same seal. */
  async function legacyRegistration(id: string): Promise<void> {
    const doc = {
      id,
      url,
      filter: {},
      createdAt: '2025-01-01T00:00:00.000Z',
      createdBy: 'admin',
      secret: encryptField(keys.webhookSecrets, `webhook:${id}`, LEGACY),
    };
    await new VersionedWriter(store, 'journeys.webhooks').write([
      { kind: 'put', collection: WEBHOOK_COLLECTION, id, doc },
    ]);
  }

  async function deliver(registry: WebhookRegistry, id: string) {
    const webhook = (await registry.active()).find((w) => w.id === id)!;
    expect(await postEvent({ url, signing: webhook.signing, source: 'urn:test' }, event, 1, settings)).toEqual({
      ok: true,
      status: 204,
    });
    return received[received.length - 1]!;
  }

  it('keeps delivering under a secret sealed before the upgrade, verifiable as its raw bytes', async () => {
    const registry = new WebhookRegistry(store, keys, { allowPrivateTargets: true, secretOverlapHours: 24 });
    await legacyRegistration('8f7e6d5c-0000-4000-8000-000000000001');
    const { raw, headers } = await deliver(registry, '8f7e6d5c-0000-4000-8000-000000000001');
    expect(headers['webhook-id']).toBe('evt-legacy');
    expect(new Webhook(Buffer.from(LEGACY), { format: 'raw' }).verify(raw, headers)).toMatchObject({
      id: 'evt-legacy',
      subject: event.subjectId,
    });
  });

  it('rotating a legacy secret signs with the new whsec_ one and, during the overlap, the old one', async () => {
    const registry = new WebhookRegistry(store, keys, { allowPrivateTargets: true, secretOverlapHours: 24 });
    const id = '8f7e6d5c-0000-4000-8000-000000000002';
    await legacyRegistration(id);
    const rotated = (await registry.rotate(id, new Date().toISOString()))!;
    expect(rotated.secret).toMatch(/^whsec_/);
    const { raw, headers } = await deliver(registry, id);
    expect(new Webhook(rotated.secret).verify(raw, headers)).toBeDefined();
    expect(new Webhook(Buffer.from(LEGACY), { format: 'raw' }).verify(raw, headers)).toBeDefined();
    expect(await store.get(WEBHOOK_COLLECTION, id)).not.toMatchObject({
      doc: { previousSecret: expect.stringContaining(LEGACY) },
    });
  });

  it('without an overlap the old secret stops signing at once; an unknown id rotates nothing', async () => {
    const registry = new WebhookRegistry(store, keys, { allowPrivateTargets: true, secretOverlapHours: 0 });
    const { webhook, generatedSecret } = await registry.register(
      { url, filter: {} },
      'admin',
      new Date().toISOString(),
    );
    const rotated = (await registry.rotate(webhook.id, new Date().toISOString()))!;
    expect(rotated.previousSecretValidUntil).toBeNull();
    const { raw, headers } = await deliver(registry, webhook.id);
    expect(() => new Webhook(generatedSecret!).verify(raw, headers)).toThrow('No matching signature found');
    expect(new Webhook(rotated.secret).verify(raw, headers)).toBeDefined();
    expect(await registry.rotate('8f7e6d5c-0000-4000-8000-00000000dead', new Date().toISOString())).toBeUndefined();
  });
});
