import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteReadStore } from '#read-store';
import { ProjectionLease } from '#projection-runtime';
import { JourneyWorkersLease } from './journey-workers-lease';

const TTL = 300;

/** Two api processes with JOURNEY_WORKERS=true on one read store (each with its own connection). */
describe('journey workers lease', () => {
  const dir = mkdtempSync(join(tmpdir(), 'journey-lease-'));
  const stores: SqliteReadStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function instance(owner: string) {
    const store = await SqliteReadStore.open(join(dir, 'read.sqlite'));
    stores.push(store);
    const events: string[] = [];
    const lease = new JourneyWorkersLease(
      new ProjectionLease(store, 'journey-workers', owner, TTL),
      {
        start: async () => void events.push('start'),
        stop: async () => void events.push('stop'),
      },
      () => undefined,
    );
    return { lease, events };
  }
  const until = async (what: () => boolean) => {
    for (let waited = 0; !what() && waited < 5_000; waited += 20) await sleep(20);
    return what();
  };

  it('runs the workers in one process only; a clean shutdown hands them over at once', async () => {
    const a = await instance('a');
    const b = await instance('b');
    await a.lease.start();
    await b.lease.start();
    expect([a.lease.active, b.lease.active]).toEqual([true, false]);
    await sleep(TTL * 2);
    expect([a.events, b.events]).toEqual([['start'], []]);

    const stoppedAt = Date.now();
    await a.lease.stop();
    expect(await until(() => b.lease.active)).toBe(true);
    expect(Date.now() - stoppedAt).toBeLessThan(TTL);
    expect([a.events, b.events]).toEqual([['start', 'stop'], ['start']]);
    await b.lease.stop();
  });

  it('takes over from a process that died holding the lease once its lease has run out', async () => {
    const a = await instance('dying');
    const b = await instance('standby');
    await a.lease.start();
    await b.lease.start();
    // The holder dies: it never renews nor releases.
    clearInterval((a.lease as unknown as { timer: NodeJS.Timeout }).timer);
    const diedAt = Date.now();
    expect(await until(() => b.lease.active)).toBe(true);
    expect(Date.now() - diedAt).toBeGreaterThanOrEqual(TTL / 2);
    expect(b.events).toEqual(['start']);
    await b.lease.stop();
  });
});
