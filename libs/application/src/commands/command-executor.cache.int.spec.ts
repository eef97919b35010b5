import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, type Decider } from '#domain';
import { SqliteEventStore } from '#event-store';
import { CommandExecutor } from './command-executor';
import { plainCodec } from './event-codec';

type Add = { type: 'Add'; data: { amount: number } };
type Added = { type: 'Added'; data: { amount: number; total: number } };

const counter: Decider<Add, Added, { total: number }> = {
  initialState: () => ({ total: 0 }),
  evolve: (_state, event) => ({ total: event.data.total }),
  decide: ({ data }, { total }) => {
    if (total + data.amount > 100) throw new DomainError('COUNTER.LIMIT', 'limit reached', 'conflict');
    return data.amount === 0 ? [] : [{ type: 'Added', data: { amount: data.amount, total: total + data.amount } }];
  },
};

/** The executor keeps folds between commands; these show the store still decides what is current. */
describe('CommandExecutor with cached folds', () => {
  let dir: string;
  let stores: SqliteEventStore[];
  let executors: CommandExecutor[];
  const context = { actor: 'crm', now: '2026-11-25T10:00:00.000Z' };
  const run = (executor: CommandExecutor, amount: number, extra = {}) =>
    executor.execute({
      stream: 'counter-1',
      decider: counter,
      command: { type: 'Add', data: { amount } },
      codec: plainCodec,
      context: { ...context, ...extra },
    });
  const total = (executor: CommandExecutor) => executor.state('counter-1', counter, plainCodec).then((s) => s.total);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'executor-cache-'));
    // Two stores on one file: two processes, each with its own executor and cache.
    stores = [new SqliteEventStore(join(dir, 'events.sqlite')), new SqliteEventStore(join(dir, 'events.sqlite'))];
    executors = stores.map((store) => new CommandExecutor(store));
  });
  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads only the events after the cached revision, its own last append included', async () => {
    const [mine] = executors;
    await run(mine, 1);
    await run(mine, 2);
    const read = jest.spyOn(stores[0], 'readStreams');
    await run(mine, 3);
    // The fold cached by the second command stands at revision 0; its own event is read back.
    expect(read).toHaveBeenCalledWith([{ stream: 'counter-1', fromRevision: 1 }]);
    expect(await total(mine)).toBe(6);
    expect(read).toHaveBeenLastCalledWith([{ stream: 'counter-1', fromRevision: 2 }]);
  });

  it('answers from the fold, decoding nothing, while the stream has nothing after its revision', async () => {
    const [mine, other] = executors;
    await run(mine, 5);
    expect(await total(mine)).toBe(5);
    const read = jest.spyOn(stores[0], 'readStreams');
    const decode = jest.spyOn(plainCodec, 'decode');
    expect(await total(mine)).toBe(5);
    expect(read).toHaveBeenCalledWith([{ stream: 'counter-1', fromRevision: 1 }]);
    expect(decode).not.toHaveBeenCalled();
    await run(other, 7);
    expect(await total(mine)).toBe(12);
    expect(decode).toHaveBeenLastCalledWith('counter-1', [expect.objectContaining({ revision: 1 })]);
    decode.mockRestore();
  });

  it('notices another writer before deciding, so its refusal rests on the current total', async () => {
    const [mine, other] = executors;
    await run(mine, 50);
    await run(other, 40);
    expect(await total(mine)).toBe(90);
    const append = jest.spyOn(stores[0], 'appendToStream');
    await expect(run(mine, 20)).rejects.toMatchObject({ code: 'COUNTER.LIMIT' });
    expect(append).not.toHaveBeenCalled();
  });

  it('replays an Idempotency-Key another writer recorded after this one cached the stream', async () => {
    const [mine, other] = executors;
    await run(mine, 1);
    const first = await run(other, 5, { idempotencyKey: 'k-1', requestHash: 'h' });
    expect(await run(mine, 5, { idempotencyKey: 'k-1', requestHash: 'h' })).toEqual({ ...first, replayed: true });
    await expect(run(mine, 6, { idempotencyKey: 'k-1', requestHash: 'h2' })).rejects.toMatchObject({
      code: 'IDEMPOTENCY.KEY_REUSED',
    });
    expect(await stores[0].readStream('counter-1')).toHaveLength(2);
  });

  it('replays its own Idempotency-Key from the cache, with the hash chain intact afterwards', async () => {
    const [mine] = executors;
    const first = await run(mine, 5, { idempotencyKey: 'k-2', requestHash: 'h' });
    expect(await run(mine, 5, { idempotencyKey: 'k-2', requestHash: 'h' })).toEqual({ ...first, replayed: true });
    await run(mine, 1);
    const [a, b] = await stores[1].readStream('counter-1');
    expect(b.metadata.prevHash).toBe(a.metadata.hash);
  });

  it('keeps the chain and totals exact when two cached writers alternate', async () => {
    const [mine, other] = executors;
    for (let i = 0; i < 10; i++) await run(i % 2 ? mine : other, 1);
    const events = await stores[0].readStream('counter-1');
    expect(events.map((e) => e.data.total)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    events.slice(1).forEach((event, i) => expect(event.metadata.prevHash).toBe(events[i].metadata.hash));
  });
});
