import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrongExpectedVersionError } from '../errors';
import type { RecordedEvent } from '../event-store.port';
import { OFFLOAD_EVENTS, SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-es-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const event = (i = 0) => ({ type: 'E', data: { i } });
const settle = (ps: Promise<unknown>[]) =>
  Promise.allSettled(ps).then((rs) => rs.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).name)));

describe('SqliteEventStore', () => {
  let store: SqliteEventStore;
  beforeAll(() => {
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
  });
  afterAll(() => store.close());

  it('commits appends made in one turn together, each result exact as if made in order', async () => {
    const start = await store.headPosition();
    const results = await settle([
      store.appendToStream('gc-1', [event(0)], 'no_stream'),
      store.appendToStream('gc-1', [event(1), event(2)], 0),
      store.appendToStream('gc-1', [event(9)], 0),
      store.appendToStream('gc-2', [event(0)], 'stream_exists'),
      store.appendToStream('gc-1', [event(3)], 2),
    ]);
    expect(results).toEqual([
      { nextExpectedRevision: 0, position: start + 1 },
      { nextExpectedRevision: 2, position: start + 3 },
      'WrongExpectedVersionError',
      'WrongExpectedVersionError',
      { nextExpectedRevision: 3, position: start + 4 },
    ]);
    expect((await store.readStream('gc-1')).map((e) => e.data.i)).toEqual([0, 1, 2, 3]);
  });

  it('leaves no gap in positions where appends were refused', async () => {
    const start = await store.headPosition();
    const calls = Array.from({ length: 30 }, (_, i) =>
      store.appendToStream(`gap-${i % 3}`, [event(i), event(i)], 'no_stream'),
    );
    const outcomes = await settle(calls);
    expect(outcomes.filter((o) => o === 'WrongExpectedVersionError')).toHaveLength(27);
    const log = await store.readAll({ after: start });
    expect(log.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6].map((n) => start + n));
  });

  it('reports the conflicting revision as seen inside the batch', async () => {
    const [, second] = await Promise.allSettled([
      store.appendToStream('gc-3', [event(), event()], 'no_stream'),
      store.appendToStream('gc-3', [event()], 0),
    ]);
    expect((second as PromiseRejectedResult).reason).toMatchObject({ actual: 1 });
    expect((second as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
  });

  it('wakes a live subscriber of the same process without waiting for the poll', async () => {
    const got: RecordedEvent[] = [];
    const sub = store.subscribeToAll({ after: await store.headPosition() }, (events) => {
      got.push(...events);
    });
    await new Promise((r) => setImmediate(r));
    await store.appendToStream('wake-1', [event()], 'no_stream');
    // A few turns of the event loop, far less than the 25 ms poll.
    for (let i = 0; i < 5 && got.length === 0; i++) await new Promise((r) => setImmediate(r));
    await sub.close();
    expect(got.map((e) => e.stream)).toEqual(['wake-1']);
  });

  it('lets a second connection see new events within 100 ms', async () => {
    const other = new SqliteEventStore(store.file);
    const got: number[] = [];
    const sub = other.subscribeToAll({ after: await other.headPosition() }, (events) => {
      got.push(...events.map(() => Date.now()));
    });
    await new Promise((r) => setTimeout(r, 30));
    const sent = Date.now();
    await store.appendToStream('cross-1', [event()], 'no_stream');
    const deadline = Date.now() + 1000;
    while (got.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    await sub.close();
    await other.close();
    expect(got).toHaveLength(1);
    expect(got[0]! - sent).toBeLessThan(100);
  });

  it('keeps appends made before a delete ahead of it', async () => {
    const append = store.appendToStream('del-1', [event()], 'no_stream');
    await store.deleteStream('del-1', 0);
    await expect(append).resolves.toMatchObject({ nextExpectedRevision: 0 });
    expect(await store.readStream('del-1')).toEqual([]);
  });

  it('keeps the event loop turning while a large batch commits on the writer thread', async () => {
    let turns = 0;
    let spinning = true;
    const spin = () => spinning && (turns++, setImmediate(spin));
    spin();
    await store.appendToStream(
      'big-1',
      Array.from({ length: 20_000 }, (_, i) => event(i)),
      'no_stream',
    );
    spinning = false;
    expect(turns).toBeGreaterThan(3);
    expect(await store.readStream('big-1', { fromRevision: 19_999 })).toHaveLength(1);
  });

  it('starts no writer thread until a batch needs it, and closes cleanly when none was started', async () => {
    const other = new SqliteEventStore(store.file);
    await other.appendToStream('lazy-1', [event()], 'no_stream');
    expect((other as unknown as { writer: { worker?: unknown } }).writer.worker).toBeUndefined();
    await other.close();
  });

  it('reports a writer thread that cannot open the file through health, and writes on its own thread', async () => {
    const other = new SqliteEventStore(store.file);
    (other as unknown as { writer: { file: string } }).writer.file = join(dir, 'gone', 'events.sqlite');
    await expect(
      other.appendToStream(
        'gone-1',
        Array.from({ length: OFFLOAD_EVENTS }, (_, i) => event(i)),
        'no_stream',
      ),
    ).rejects.toMatchObject({ code: 'EVENT_STORE.UNAVAILABLE' });
    expect(await other.health()).toMatchObject({
      ok: true,
      detail: expect.stringContaining('the writer thread failed'),
    });
    await other.appendToStream(
      'gone-1',
      Array.from({ length: OFFLOAD_EVENTS }, (_, i) => event(i)),
      'no_stream',
    );
    await other.close();
  });

  it('commits a small batch on its own thread and a large one on the writer thread', async () => {
    const [small, large] = [OFFLOAD_EVENTS - 1, OFFLOAD_EVENTS].map((n) =>
      Array.from({ length: n }, (_, i) => event(i)),
    );
    const writer = (store as unknown as { writer: { run: (...args: unknown[]) => unknown } }).writer;
    const run = jest.spyOn(writer, 'run');
    await store.appendToStream('split-1', small, 'no_stream');
    expect(run).not.toHaveBeenCalled();
    await store.appendToStream('split-1', large, OFFLOAD_EVENTS - 2);
    expect(run).toHaveBeenCalledTimes(1);
    run.mockRestore();
    expect(await store.readStream('split-1')).toHaveLength(2 * OFFLOAD_EVENTS - 1);
  });

  it('goes on writing on its own thread, and says so in health, when its writer thread is gone', async () => {
    const other = new SqliteEventStore(store.file);
    const large = (from: number) => Array.from({ length: OFFLOAD_EVENTS }, (_, i) => event(from + i));
    await other.appendToStream('dead-1', large(0), 'no_stream');
    await (other as unknown as { writer: { worker: { terminate(): Promise<number> } } }).writer.worker.terminate();
    await other.appendToStream('dead-1', large(OFFLOAD_EVENTS), OFFLOAD_EVENTS - 1);
    expect(await other.readStream('dead-1')).toHaveLength(2 * OFFLOAD_EVENTS);
    expect(await other.health()).toMatchObject({
      ok: true,
      detail: expect.stringContaining('the writer thread stopped'),
    });
    await other.close();
  });

  it('writes queued appends on close and refuses work afterwards', async () => {
    const other = new SqliteEventStore(store.file);
    const pending = other.appendToStream('close-1', [event()], 'no_stream');
    await other.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await expect(other.appendToStream('close-1', [event()], 0)).rejects.toMatchObject({
      code: 'EVENT_STORE.UNAVAILABLE',
    });
    expect(await other.health()).toMatchObject({ ok: false });
    expect(await store.readStream('close-1')).toHaveLength(1);
  });
});
