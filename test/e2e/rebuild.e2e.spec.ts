import { rmSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  discardScratch,
  ProjectionProgress,
  readAllDocuments,
  rebuildIntoScratch,
  BlindIndexDeriver,
} from '#projection-runtime';
import { EVENT_STORE, type Infrastructure, loadConfig, openInfrastructure } from '#runtime';
import type { EventStore } from '#event-store';
import { READ_MODELS } from '#projections';
import { runRebuild, selectModels } from '../../apps/cli/src/commands/rebuild.command';
import { bearer, bootApp, createRoleKeys, tempDataDir, type BootedApp } from './support/boot';

/** `ledger rebuild` against the data folder of a running api, as an operator would run it. */
describe('ledger rebuild (e2e)', () => {
  let booted: BootedApp;
  let app: NestFastifyApplication;
  let keys: Record<string, string>;
  let cli: Infrastructure;
  const env = { PROJECTION_LEASE_TTL_MS: '600', LOG_LEVEL: 'silent' };

  beforeAll(async () => {
    const dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
    booted = await bootApp({ dataDir, env });
    app = booted.app;
    cli = await openInfrastructure(loadConfig({ ...env, DATA_DIR: dataDir }), () => undefined);
  });
  afterAll(async () => {
    await Promise.all([cli.eventStore.close(), cli.readStore.close(), cli.keyVault.close()]);
    await booted.close();
    rmSync(booted.dataDir, { recursive: true, force: true });
  });

  const register = async (i: number) => {
    const payload = {
      locale: 'de-DE',
      contactPoints: [{ channel: 'email', address: `person${i}@example.org` }],
      profile: {},
    };
    const res = await app.inject({ method: 'POST', url: '/subjects', payload, headers: bearer(keys.crm!) });
    expect(res.statusCode).toBe(201);
    return res.json().position as number;
  };

  async function liveDocuments() {
    const all: Record<string, unknown> = {};
    for (const m of READ_MODELS) for (const c of m.collections) all[c] = await readAllDocuments(cli.readStore, c);
    return all;
  }

  async function scratchDocuments() {
    const deriver = new BlindIndexDeriver(cli.crypto, cli.eventStore);
    const deps = {
      eventStore: cli.eventStore,
      readStore: cli.readStore,
      derive: (e: Parameters<BlindIndexDeriver['derive']>[0]) => deriver.derive(e),
    };
    const all: Record<string, unknown> = {};
    for (const m of READ_MODELS) {
      for (const [c, docs] of await rebuildIntoScratch(deps, m)) all[c] = docs;
      await discardScratch(cli.readStore, m);
    }
    return all;
  }

  it('rebuilds every read model while the api runs and writes, without losing events appended meanwhile', async () => {
    for (let i = 0; i < 30; i++) await register(i);
    const progressLines: string[] = [];
    const writes = Promise.all(Array.from({ length: 20 }, (_, i) => register(100 + i)));
    // Blind indexes need each registered subject's key: read per batch in one statement, not one by one.
    const keyReads = { one: 0, many: 0 };
    const { findDataKey, findDataKeys } = cli.keyVault;
    cli.keyVault.findDataKey = (id) => (keyReads.one++, findDataKey.call(cli.keyVault, id));
    cli.keyVault.findDataKeys = (ids) => (keyReads.many++, findDataKeys.call(cli.keyVault, ids));
    const summaries = await runRebuild(cli, {
      names: [],
      batchSize: 7,
      onProgress: (p) => progressLines.push(`${p.name} ${p.position}/${p.head}`),
    });
    Object.assign(cli.keyVault, { findDataKey, findDataKeys });
    expect(keyReads).toEqual({ one: 0, many: expect.any(Number) });
    expect(keyReads.many).toBeGreaterThan(0);
    const last = Math.max(...(await writes), await register(999));
    expect(summaries.map((s) => s.name).sort()).toEqual(READ_MODELS.map((m) => m.name).sort());
    expect(progressLines.length).toBeGreaterThan(READ_MODELS.length);
    expect(await app.get(ProjectionProgress).waitFor(last, 5_000)).toBe(true);
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    for (const m of READ_MODELS) expect(await cli.readStore.getCheckpoint(m.name)).toBe(head);
    const live = await liveDocuments();
    expect(Object.values(live).some((docs) => (docs as unknown[]).length > 0)).toBe(true);
    expect(live).toEqual(await scratchDocuments());
  });

  it('refuses an unknown read model by name, listing the known ones', () => {
    expect(() => selectModels(['nope'])).toThrow(/unknown read model nope; known: /);
  });
});
