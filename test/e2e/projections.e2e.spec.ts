import { rmSync } from 'node:fs';
import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BlindIndexDeriver, ProjectionProgress } from '#projection-runtime';
import { EVENT_STORE, SUBJECT_CRYPTO } from '#runtime';
import type { SubjectCrypto } from '#crypto';
import type { EventStore } from '#event-store';
import { READ_MODELS } from '#projections';
import { subjectStreamName } from '#domain';
import { Roles } from '../../apps/api/src/auth';
import { ReadYourWrites } from '../../apps/api/src/read-side/read-your-writes';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';

/** Stands in for the read models' query routes: honours X-Min-Position like they do. */
@Controller('e2e-read')
class ProbeController {
  constructor(private readonly progress: ProjectionProgress) {}

  @Get()
  @Roles('crm')
  @ReadYourWrites()
  probe() {
    return { positions: READ_MODELS.map((m) => this.progress.position(m.name)) };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('projection engine in the api (e2e)', () => {
  let booted: BootedApp;
  let app: NestFastifyApplication;
  let keys: Record<string, string>;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir, env: { READ_YOUR_WRITES_TIMEOUT_MS: '300' }, extraModules: [ProbeModule] });
    app = booted.app;
  });
  afterAll(async () => {
    await booted.close();
    rmSync(booted.dataDir, { recursive: true, force: true });
  });

  const register = async (address: string) => {
    const payload = { locale: 'de-DE', contactPoints: [{ channel: 'email', address }], profile: {} };
    const res = await app.inject({ method: 'POST', url: '/subjects', payload, headers: bearer(keys.crm!) });
    expect(res.statusCode).toBe(201);
    return res.json() as { subjectId: string; position: number };
  };
  const read = (minPosition?: string) =>
    app.inject({
      method: 'GET',
      url: '/e2e-read',
      headers: { ...bearer(keys.crm!), ...(minPosition === undefined ? {} : { 'x-min-position': minPosition }) },
    });

  it('answers a query with X-Min-Position once every projection has reached the position of the write', async () => {
    const { position } = await register('ryw@example.org');
    const res = await read(String(position));
    expect(res.statusCode).toBe(200);
    for (const p of res.json().positions) expect(p).toBeGreaterThanOrEqual(position);
  });

  it('answers 503 PROJECTION.BEHIND with Retry-After when the projections do not reach the position in time', async () => {
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    const started = Date.now();
    const res = await read(String(head + 1000));
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json()).toMatchObject({ statusCode: 503, code: 'PROJECTION.BEHIND' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it.each(['-1', 'abc', '1.5', ''])('refuses X-Min-Position %j with 400 naming the header', async (value) => {
    const res = await read(value);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION.FAILED',
      violations: [{ field: 'X-Min-Position', rule: 'isNonNegativeInteger' }],
    });
  });

  it('reports the read store and every projection in /health without paths', async () => {
    const { position } = await register('health@example.org');
    await app.get(ProjectionProgress).waitFor(position, 5_000);
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.info.readStore).toEqual({ status: 'up', adapter: 'sqlite', atomicBatches: true });
    const projections = body.info.projections;
    expect(
      Object.keys(projections)
        .filter((k) => k !== 'status')
        .sort(),
    ).toEqual(READ_MODELS.map((m) => m.name).sort());
    for (const m of READ_MODELS) {
      expect(projections[m.name]).toMatchObject({ state: 'live', failures: 0, lagEvents: 0 });
      expect(projections[m.name].checkpoint).toBe(projections[m.name].headPosition);
    }
    expect(res.body).not.toContain(booted.dataDir);
  });

  it('serves Prometheus metrics to admins only', async () => {
    await read();
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: bearer(keys.crm!) })).statusCode).toBe(403);
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: bearer(keys.admin!) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    expect(res.body).toContain(`ledger_event_store_head_position ${head}`);
    expect(res.body).toContain('process_cpu_user_seconds_total');
    for (const m of READ_MODELS) {
      expect(res.body).toMatch(new RegExp(`ledger_projection_checkpoint\\{projection="${m.name}"\\} \\d+`));
      expect(res.body).toMatch(new RegExp(`ledger_projection_lag_events\\{projection="${m.name}"\\} \\d+`));
    }
    expect(res.body).toMatch(
      /ledger_http_request_duration_seconds_count\{method="GET",route="\/e2e-read",status="200"\} \d+/,
    );
  });

  it('derives the blind index of an e-mail contact point, and nothing once the subject is erased', async () => {
    const { subjectId } = await register('Lookup.Me@Example.org');
    const store = app.get<EventStore>(EVENT_STORE);
    const crypto = app.get<SubjectCrypto>(SUBJECT_CRYPTO);
    const [registered] = await store.readStream(subjectStreamName(subjectId));
    const deriver = new BlindIndexDeriver(crypto, store);
    const cp = (registered!.data.contactPoints as Array<{ contactPointId: string }>)[0]!.contactPointId;
    expect((await deriver.derive(registered!)).derived).toEqual({
      blindIndexes: { [cp]: crypto.blindIndex('email', 'lookup.me@example.org') },
    });
    await crypto.shred(subjectId);
    expect((await deriver.derive(registered!)).derived).toEqual({});
  });
});
