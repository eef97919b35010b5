import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventHash, GENESIS_HASH } from '#audit';
import { DomainError, type Decider } from '#domain';
import { SqliteEventStore } from '#event-store';
import { CommandExecutor } from './command-executor';
import { plainCodec } from './event-codec';

type Add = { type: 'Add'; data: { amount: number } };
type Added = { type: 'Added'; data: { amount: number; total: number } };

/** A counter that refuses to exceed 100: enough to show load-decide-append and its rules. */
const counter: Decider<Add, Added, { total: number }> = {
  initialState: () => ({ total: 0 }),
  evolve: (_state, event) => ({ total: event.data.total }),
  decide: ({ data }, { total }) => {
    if (total + data.amount > 100) throw new DomainError('COUNTER.LIMIT', 'limit reached', 'conflict');
    return data.amount === 0 ? [] : [{ type: 'Added', data: { amount: data.amount, total: total + data.amount } }];
  },
};

describe('CommandExecutor on the sqlite event store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let executor: CommandExecutor;
  const context = { actor: 'crm', now: '2026-11-25T10:00:00.000Z' };
  const run = (amount: number, extra = {}) =>
    executor.execute({
      stream: 'counter-1',
      decider: counter,
      command: { type: 'Add', data: { amount } },
      codec: plainCodec,
      context: { ...context, ...extra },
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'executor-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    executor = new CommandExecutor(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serialises 50 concurrent commands on one stream without a lost update', async () => {
    await Promise.all(Array.from({ length: 50 }, () => run(2)));
    const events = await store.readStream('counter-1');
    expect(events.map((e) => e.data.total)).toEqual(Array.from({ length: 50 }, (_, i) => 2 * (i + 1)));
  });

  it('retries on a conflict with another writer (a second executor, as in another process)', async () => {
    const other = new CommandExecutor(store);
    const viaOther = () =>
      other.execute({
        stream: 'counter-1',
        decider: counter,
        command: { type: 'Add', data: { amount: 1 } },
        codec: plainCodec,
        context,
      });
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? run(1) : viaOther())));
    const totals = (await store.readStream('counter-1')).map((e) => e.data.total);
    expect(totals).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('appends nothing when the decider refuses or decides nothing', async () => {
    await run(100);
    await expect(run(1)).rejects.toMatchObject({ code: 'COUNTER.LIMIT' });
    expect((await run(0)).events).toEqual([]);
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('chains every event to its predecessor with hashes that recompute', async () => {
    await run(1);
    await run(2);
    const [first, second] = await store.readStream('counter-1');
    expect(first.metadata.prevHash).toBe(GENESIS_HASH);
    expect(second.metadata.prevHash).toBe(first.metadata.hash);
    expect(eventHash(second)).toBe(second.metadata.hash);
  });

  it('answers a retried Idempotency-Key with the first result and appends nothing', async () => {
    const first = await run(5, { idempotencyKey: 'k-1', requestHash: 'h' });
    const again = await run(5, { idempotencyKey: 'k-1', requestHash: 'h' });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused for a different request', async () => {
    await run(5, { idempotencyKey: 'k-2', requestHash: 'h1' });
    await expect(run(6, { idempotencyKey: 'k-2', requestHash: 'h2' })).rejects.toMatchObject({
      code: 'IDEMPOTENCY.KEY_REUSED',
    });
  });

  it('scopes idempotency keys to the actor', async () => {
    await run(5, { idempotencyKey: 'k-3' });
    const other = await run(5, { idempotencyKey: 'k-3', actor: 'journey' });
    expect(other.replayed).toBe(false);
  });
});
