import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { EVENT_STORE, loadConfig, openInfrastructure, READ_STORE } from '#runtime';
import type { EventStore } from '#event-store';
import type { ReadStore } from '#read-store';
import { READ_MODELS, subjectProfileModel } from '#projections';
import { PROJECTION_REBUILDING } from '../../apps/api/src/read-side/read-your-writes';
import { ProjectorModule } from '../../apps/projector/src/projector.module';
import { ReadSideDriver } from './read-side.driver';
import { createRoleKeys, tempDataDir } from './support/boot';
import { copyLog, headOf, truncateLog } from './support/log-files';

/**
 * Issue #14, part 2: a log behind its read models is never served silently. The real app builds a
 * data folder, the log goes back in time (a restored older copy, a lost tail) while the read store
 * stays newer, and after a restart a withdrawal must reach the contactability answer.
 */
describe('a log behind its read models (e2e)', () => {
  let dataDir: string;
  let keys: Record<string, string>;
  let driver: ReadSideDriver | undefined;

  beforeEach(() => {
    dataDir = tempDataDir();
    keys = createRoleKeys(dataDir);
  });
  afterEach(async () => {
    await driver?.close();
    driver = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function restart(env: NodeJS.ProcessEnv = {}): Promise<ReadSideDriver> {
    await driver?.close();
    driver = await ReadSideDriver.bootOn(dataDir, keys, env);
    return driver;
  }

  /** apps/projector on the same data folder, as `npm run projector` starts it. */
  async function startProjector() {
    const infra = await openInfrastructure(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), () => undefined);
    const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(infra, READ_MODELS), {
      logger: false,
    });
    await app.init();
    return async () => {
      await app.close();
      await Promise.all([infra.eventStore.close(), infra.readStore.close(), infra.keyVault.close()]);
    };
  }

  /** A subject granted 'promo' by e-mail, as the read side sees it. */
  async function grantOne(): Promise<{ subject: string; grantedAt: number }> {
    const d = await restart();
    await d.defineTopic('promo');
    const subject = await d.register([{ channel: 'email', address: 'anna@example.org' }]);
    const grantedAt = (await d.grant(subject, 'promo')).position as number;
    expect((await contactability(d, subject)).json()).toMatchObject({ allowed: true });
    return { subject, grantedAt };
  }

  /** More writes, projected: the read store's checkpoints run ahead of the log restored later. */
  async function writeMore(d: ReadSideDriver): Promise<number> {
    for (let i = 0; i < 6; i++)
      await d.grant(await d.register([{ channel: 'email', address: `later${i}@example.org` }]), 'promo');
    expect((await d.query('/stats', 'crm')).statusCode).toBe(200);
    return d.position;
  }

  function contactability(d: ReadSideDriver, subject: string) {
    return d.query(`/subjects/${subject}/contactability?topicId=promo&channel=email`, 'journey');
  }

  /** Polls through the 503 of a running rebuild; returns the first answer that is not one. */
  async function settledContactability(d: ReadSideDriver, subject: string) {
    for (let attempt = 0; attempt < 400; attempt++) {
      const res = await contactability(d, subject);
      if (res.statusCode !== 503) return res;
      expect(res.json()).toMatchObject({ code: PROJECTION_REBUILDING });
      expect(res.headers['retry-after']).toBe('5');
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the read models never finished rebuilding');
  }

  async function revokeAndCheck(subject: string, logHead: number, readAhead: number): Promise<void> {
    const d = await restart();
    const health = (await d.app.inject({ method: 'GET', url: '/health' })).json();
    for (const m of READ_MODELS)
      expect(['rebuilding', 'catching-up', 'live']).toContain(health.info.projections[m.name].state);
    expect(await d.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(logHead);
    const revoked = await d.command('POST', `/subjects/${subject}/consents/revoke`, 'crm', {
      topicId: 'promo',
      channel: 'email',
    });
    // The withdrawal takes a position the stale read store had already passed.
    expect(revoked.position).toBeLessThanOrEqual(readAhead);
    const res = await settledContactability(d, subject);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ allowed: false, reasons: [{ code: 'CONSENT.REVOKED' }] });
    const mark = await d.app.get<ReadStore>(READ_STORE).getCheckpointMark(subjectProfileModel.name);
    const [atMark] = await d.app.get<EventStore>(EVENT_STORE).readAll({ after: mark.position - 1, maxCount: 1 });
    expect(atMark).toMatchObject({ position: mark.position, id: mark.eventId });
  }

  it('restores an older log beside a newer read store, starts, revokes: contactability says no', async () => {
    const { subject } = await grantOne();
    await driver!.close();
    driver = undefined;
    const aside = mkdtempSync(join(tmpdir(), 'ledger-log-copy-'));
    copyLog(dataDir, aside);
    const readAhead = await writeMore(await restart());
    await driver!.close();
    driver = undefined;
    copyLog(aside, dataDir);
    rmSync(aside, { recursive: true, force: true });
    await revokeAndCheck(subject, headOf(dataDir), readAhead);
  });

  it('truncates the log behind a newer read store, starts, revokes: contactability says no', async () => {
    const { subject, grantedAt } = await grantOne();
    const readAhead = await writeMore(driver!);
    await driver!.close();
    driver = undefined;
    truncateLog(dataDir, grantedAt);
    await revokeAndCheck(subject, grantedAt, readAhead);
  });

  it('holds queries back in an api whose projections run in apps/projector until the projector has rebuilt them', async () => {
    const { subject, grantedAt } = await grantOne();
    await writeMore(driver!);
    await driver!.close();
    driver = undefined;
    truncateLog(dataDir, grantedAt);
    const d = await restart({ RUN_PROJECTIONS: 'false' });
    const health = (await d.app.inject({ method: 'GET', url: '/health' })).json();
    expect(health.info.projections[subjectProfileModel.name].state).toBe('rebuilding');
    const held = await contactability(d, subject);
    expect(held.statusCode).toBe(503);
    expect(held.json()).toMatchObject({ code: PROJECTION_REBUILDING });
    await d.command('POST', `/subjects/${subject}/consents/revoke`, 'crm', { topicId: 'promo', channel: 'email' });
    const stopProjector = await startProjector();
    try {
      const res = await settledContactability(d, subject);
      expect(res.json()).toMatchObject({ allowed: false, reasons: [{ code: 'CONSENT.REVOKED' }] });
    } finally {
      await stopProjector();
    }
  });
});
