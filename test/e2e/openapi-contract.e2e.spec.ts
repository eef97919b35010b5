import { writeFileSync } from 'node:fs';
import { bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';
import { RecordingClient } from './support/contract-scenario';
import { integrationFlows, privacyFlows, refusalFlows, subjectFlows } from './support/contract-flows';
import { answerValidator, operationsOf, templateOf, type Exchange } from './support/openapi-validator';

const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';

/** Opens an SSE route on the listening app and keeps its status and media type (the stream never ends). */
async function openStream(baseUrl: string, path: string, key: string): Promise<Exchange> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  abort.abort();
  return {
    method: 'GET',
    url: path,
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: '',
  };
}

describe('the OpenAPI document describes the real answers', () => {
  let booted: BootedApp;
  let document: any;
  let client: RecordingClient;
  let keys: ReturnType<typeof createRoleKeys>;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({
      dataDir,
      env: { PUBLIC_RATE_LIMIT: '10000', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' },
      listen: true,
    });
    document = (await booted.app.inject({ method: 'GET', url: '/docs/json' })).json();
    client = new RecordingClient(booted.app, keys);
  });
  afterAll(() => booted.close());

  it('validates the successes and typical refusals of every operation against their documented schemas', async () => {
    const { subjectId } = await subjectFlows(client);
    await integrationFlows(client, subjectId);
    await privacyFlows(client, subjectId);
    await refusalFlows(client);
    const baseUrl = await booted.app.getUrl();
    const streams = [
      await openStream(baseUrl, '/feed', keys.journey),
      await openStream(baseUrl, '/stats/stream', keys.admin),
    ];
    const exchanges = [...client.exchanges, ...streams];
    if (process.env.DUMP_EXCHANGES) writeFileSync(process.env.DUMP_EXCHANGES, JSON.stringify(exchanges, null, 1));

    const validate = answerValidator(document);
    expect(exchanges.map(validate).filter(Boolean)).toEqual([]);
    const succeeded = new Set(
      exchanges.filter((e) => e.status < 300).map((e) => `${e.method} ${templateOf(document, e.url)}`),
    );
    expect(operationsOf(document).filter((operation) => !succeeded.has(operation))).toEqual([]);
  });

  it('documents the answer of every operation called without a key', async () => {
    const anonymous = new RecordingClient(booted.app, keys);
    for (const operation of operationsOf(document)) {
      const [method, template] = operation.split(' ') as ['GET' | 'POST', string];
      await anonymous.call(method, template.replace(/\{[^}]+\}/g, PLACEHOLDER));
    }
    expect(anonymous.exchanges.filter((e) => e.status === 401).length).toBeGreaterThan(40);
    expect(anonymous.exchanges.map(answerValidator(document)).filter(Boolean)).toEqual([]);
  });
});
