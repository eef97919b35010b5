import fc from 'fast-check';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE } from '#runtime';
import type { EventStore } from '#event-store';
import { createApiKey } from '../../apps/api/src/auth';
import { ROLES } from '../../apps/api/src/auth/roles';
import { discoverRoutes, type DiscoveredRoute } from '../../libs/testing/src/route-walker';
import { bootApp, tempDataDir, type BootedApp } from '../e2e/support/boot';
import { fuzzBody } from './support/fuzz-bodies';

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const RUNS = 10_000;

/** Path parameters: an existing subject or topic (so bodies reach the domain), a well-formed unknown id, or garbage. */
function pathFor(route: DiscoveredRoute, ids: { subjects: string[]; topic: string }) {
  const param = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ids.subjects) },
    { weight: 2, arbitrary: fc.uuid({ version: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom(ids.topic, 'not-a-uuid', '..%2F', '%00') },
  );
  const names = route.path.match(/:[^/]+/g) ?? [];
  return fc
    .tuple(...names.map(() => param))
    .map((values) => names.reduce((path, name, i) => path.replace(name, values[i]!), route.path));
}

describe('fuzzing every command route with random and malformed bodies (reliability)', () => {
  let booted: BootedApp;
  let app: NestFastifyApplication;
  let key: string;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    key = createApiKey(dataDir, 'fuzz-all-roles', ROLES);
    // No rate limit and no timed checkpoints: every request reaches its route, and only requests append.
    const env = {
      PUBLIC_RATE_LIMIT: '1000000',
      UNSUBSCRIBE_RATE_LIMIT: '1000000',
      AUDIT_CHECKPOINT_EVERY_EVENTS: '1000000',
      AUDIT_CHECKPOINT_EVERY_SECONDS: '1000000',
    };
    booted = await bootApp({ dataDir, env });
    app = booted.app;
  });
  afterAll(async () => {
    await booted.close();
    const { rmSync } = await import('node:fs');
    rmSync(booted.dataDir, { recursive: true, force: true });
  });

  const send = (method: string, url: string, payload: string, contentType = 'application/json') =>
    app.inject({
      method: method as 'POST',
      url,
      payload,
      headers: { authorization: `Bearer ${key}`, 'content-type': contentType },
    });

  async function seed(): Promise<{ subjects: string[]; topic: string }> {
    const topic = {
      id: 'fuzz-news',
      title: 'News',
      description: 'fuzz',
      allowedChannels: ['email', 'sms'],
      legalBasis: 'consent',
      personalFields: ['firstName'],
      retentionDays: 365,
    };
    expect((await send('POST', '/topics', JSON.stringify(topic))).statusCode).toBe(201);
    expect(
      (
        await send(
          'POST',
          '/topics/fuzz-news/versions',
          JSON.stringify({ text: 'Yes.', language: 'en', change: 'material' }),
        )
      ).statusCode,
    ).toBe(201);
    const subjects: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await send(
        'POST',
        '/subjects',
        JSON.stringify({ locale: 'de-DE', contactPoints: [{ channel: 'email', address: `fuzz${i}@example.org` }] }),
      );
      subjects.push(res.json().subjectId);
    }
    return { subjects, topic: 'fuzz-news' };
  }

  it('never answers 5xx, and appends nothing for a refused request', async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    const routes = discoverRoutes(app).filter((r) => WRITE_METHODS.includes(r.method));
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const ids = await seed();
    const statuses = new Map<number, number>();
    const request = fc
      .constantFrom(...routes)
      .chain((route) => fc.record({ route: fc.constant(route), url: pathFor(route, ids), body: fuzzBody(route.path) }));

    await fc.assert(
      fc.asyncProperty(request, async ({ route, url, body }) => {
        const head = await store.headPosition();
        const res = await send(route.method, url, body.payload, body.contentType);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500)
          throw new Error(`${route.method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400 && (await store.headPosition()) !== head)
          throw new Error(`${route.method} ${url} answered ${res.statusCode} but appended`);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );

    if (process.env.FUZZ_STATS)
      process.stderr.write(`${routes.length} routes; statuses ${JSON.stringify([...statuses].sort())}\n`);
    // The bodies reached past validation: some were accepted, some refused by the domain.
    const count = (from: number, to: number) =>
      [...statuses].filter(([s]) => s >= from && s < to).reduce((n, [, c]) => n + c, 0);
    expect(count(200, 300)).toBeGreaterThan(50);
    expect(count(400, 500)).toBeGreaterThan(RUNS / 2);
    expect(statuses.get(409) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
