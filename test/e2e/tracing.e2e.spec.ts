import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from '../../libs/runtime/src/tracing/start-tracing';
import type { EventStore } from '#event-store';
import type * as Runtime from '#runtime';
import type * as Boot from './support/boot';
import type * as Receivers from './support/journey-receivers';

const EMAIL = 'traced.person@example.org';
const SECRET = `whsec_${Buffer.from('tracing-secret-0123456789-abcdef').toString('base64')}`;

/**
 * Given the SDK with an in-memory exporter (started before the app's modules load, as main.ts does),
 * when a consent is granted over HTTP, then one trace runs from the HTTP server span through the
 * command's decide, encrypt and append to the read models' commits and the webhook delivery, whose
 * receiver gets the same trace in `traceparent`; no exported span names the person.
 * The read models' commits run on the projection thread, which has its own SDK: its spans reach an
 * OTLP/HTTP collector (here a local receiver of the protobuf requests), in the same trace.
 */
describe('tracing (e2e)', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | undefined;
  let booted: Boot.BootedApp;
  let receiver: Awaited<ReturnType<typeof Receivers.startReceiver>>;
  let base: string;
  let keys: Record<string, string>;
  let collector: { server: Server; exports: Buffer[] };
  const otel = ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_BSP_SCHEDULE_DELAY'];

  beforeAll(async () => {
    tracing = startTracing({}, new SimpleSpanProcessor(exporter));
    collector = await startCollector();
    // Read by the projection thread when the app starts it (a thread gets a copy of process.env).
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = `http://127.0.0.1:${(collector.server.address() as AddressInfo).port}/v1/traces`;
    process.env.OTEL_BSP_SCHEDULE_DELAY = '50';
    // Required only now, as main.ts imports tracing before anything else: http is patched as it loads.
    const { bootApp, createRoleKeys, tempDataDir } = require('./support/boot') as typeof Boot;
    const { startReceiver } = require('./support/journey-receivers') as typeof Receivers;
    receiver = await startReceiver(SECRET, () => false);
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir, listen: true, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    base = await booted.app.getUrl();
  });

  afterAll(async () => {
    for (const name of otel) delete process.env[name];
    await booted?.close();
    collector?.server.close();
    await receiver?.close();
    await tracing?.shutdown();
    if (booted) rmSync(booted.dataDir, { recursive: true, force: true });
  });

  const send = async (
    method: string,
    path: string,
    role: string,
    body?: object,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${keys[role]}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: (await res.json()) as { [key: string]: any } };
  };

  async function setUp(): Promise<{ subjectId: string; position: number }> {
    await send('POST', '/topics', 'admin', {
      id: 'traced-news',
      title: 'N',
      description: 'N',
      allowedChannels: ['email'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 30,
    });
    await send('POST', '/topics/traced-news/versions', 'dpo', { text: 'Yes.', language: 'en', change: 'material' });
    expect((await send('POST', '/webhooks', 'admin', { url: receiver.url, secret: SECRET })).status).toBe(201);
    const created = await send('POST', '/subjects', 'crm', {
      locale: 'en',
      contactPoints: [{ channel: 'email', address: EMAIL }],
      profile: {},
    });
    expect(created.status).toBe(201);
    return { subjectId: created.json.subjectId, position: created.json.position };
  }

  it('follows a grant from the HTTP request to the read models and the webhook receiver', async () => {
    const { subjectId, position } = await setUp();
    // The set-up's events are committed first, so the grant's batch is its own.
    expect(
      (await send('GET', `/subjects/${subjectId}`, 'crm', undefined, { 'x-min-position': String(position) })).status,
    ).toBe(200);
    const evidence = {
      method: 'checkbox',
      capturedAt: new Date().toISOString(),
      sourceSystem: 'shop',
      textVersion: 1,
      affirmativeAction: true,
    };
    const granted = await send('POST', `/subjects/${subjectId}/consents`, 'crm', {
      topicId: 'traced-news',
      channel: 'email',
      evidence,
    });
    expect(granted.status).toBe(200);

    const server = await spanWhere(
      (s) => s.kind === SpanKind.SERVER && s.attributes['http.route'] === '/subjects/:id/consents',
    );
    const traceId = server.spanContext().traceId;
    const inTrace = (name: string) =>
      exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId && s.name.startsWith(name));
    // The trace id as the protobuf request carries it (16 raw bytes), beside a runner's span name.
    const exportedByThread = () =>
      collector.exports.some((body) => body.includes(Buffer.from(traceId, 'hex')) && body.includes('project '));
    await until(() => inTrace('webhook delivery').length > 0 && exportedByThread());
    for (const name of ['command GrantConsent', 'decide', 'encrypt', 'append']) expect(inTrace(name)).toHaveLength(1);
    expect(inTrace('append')[0]!.attributes).toMatchObject({
      'ledger.stream.category': 'subject',
      'ledger.event.types': ['ConsentGranted'],
      'ledger.position': granted.json.position,
    });

    const delivered = receiver.deliveries.find((d) => d.body.position === granted.json.position);
    expect(delivered?.traceparent?.split('-')[1]).toBe(traceId);
    const { EVENT_STORE } = require('#runtime') as typeof Runtime;
    const stored = await booted.app.get<symbol, EventStore>(EVENT_STORE).readStream(`subject-${subjectId}`);
    const grant = stored.find((e) => e.position === granted.json.position)!;
    expect(Object.keys(grant.metadata).filter((key) => key.startsWith('trace'))).toEqual(['traceparent']);
    expect(String(grant.metadata.traceparent).split('-')[1]).toBe(traceId);
    // The trace context sits inside the hashed metadata: the chain still verifies.
    expect((await send('GET', `/subjects/${subjectId}/verify`, 'auditor')).json).toMatchObject({ ok: true });

    const exported = JSON.stringify(
      exporter
        .getFinishedSpans()
        .map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status })),
    );
    expect(exported).not.toContain(EMAIL);
    expect(exported).not.toContain(subjectId);
    const fromThread = Buffer.concat(collector.exports);
    expect(fromThread.includes(EMAIL)).toBe(false);
    expect(fromThread.includes(subjectId)).toBe(false);
  });

  async function spanWhere(match: (span: ReadableSpan) => boolean): Promise<ReadableSpan> {
    await until(() => exporter.getFinishedSpans().some(match));
    return exporter.getFinishedSpans().find(match)!;
  }
});

async function until(probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for spans');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** An OTLP/HTTP trace collector on 127.0.0.1 that keeps each export request's protobuf body. */
async function startCollector(): Promise<{ server: Server; exports: Buffer[] }> {
  const exports: Buffer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces' && req.headers['content-type'] === 'application/x-protobuf')
        exports.push(Buffer.concat(chunks));
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, exports };
}
