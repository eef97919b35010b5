import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { killAllChildren, spawnFixture } from './sqlite-children';

const dir = mkdtempSync(join(tmpdir(), 'ledger-es-multiprocess-'));
const file = join(dir, 'events.sqlite');
let store: SqliteEventStore;

beforeAll(() => {
  // Created here first, so the children open an existing file rather than race to create it.
  store = new SqliteEventStore(file);
});
afterEach(killAllChildren);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteEventStore across processes', () => {
  it('lets exactly one of two processes win each append with the same expected revision', async () => {
    const rounds = 15;
    await Promise.all(
      Array.from({ length: rounds }, (_, r) =>
        store.appendToStream(`race-${r}`, [{ type: 'Created', data: {} }], 'no_stream'),
      ),
    );
    const startAt = String(Date.now() + 700);
    const children = [0, 1].map(() => spawnFixture('es-race-child.js', [file, 'race', String(rounds), startAt]));
    expect(await Promise.all(children.map((c) => c.exited))).toEqual([0, 0]);
    const outcomes = children.map((c) =>
      c.lines.map((l) => JSON.parse(l) as { round: number; ok?: unknown; error?: string }),
    );
    for (let r = 0; r < rounds; r++) {
      const mine = outcomes.map((list) => list.find((o) => o.round === r)!);
      expect(mine.filter((o) => o.ok)).toHaveLength(1);
      expect(mine.find((o) => !o.ok)).toMatchObject({ error: 'WrongExpectedVersionError', actual: 1 });
      expect(await store.readStream(`race-${r}`)).toHaveLength(2);
    }
  });

  it('shows a new event to a subscriber in another process within 100 ms', async () => {
    const child = spawnFixture('es-subscribe-child.js', [file, 'live-']);
    await child.waitFor('ready', (lines) => lines.includes('ready'));
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const sentAt = Date.now();
      const { position } = await store.appendToStream(`live-${i}`, [{ type: 'Ping', data: { i } }], 'no_stream');
      await child.waitFor(
        `event ${position}`,
        (lines) => lines.some((l) => l.includes(`"position":${position},`)),
        2000,
      );
      const line = child.lines.find((l) => l.includes(`"position":${position},`))!;
      latencies.push((JSON.parse(line) as { receivedAt: number }).receivedAt - sentAt);
      await new Promise((r) => setTimeout(r, 20 + i * 7));
    }
    child.process.stdin!.end();
    expect(await child.exited).toBe(0);
    expect(Math.max(...latencies)).toBeLessThan(100);
  });
});
