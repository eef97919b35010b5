import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventHash, GENESIS_HASH } from '#audit';
import { MasterKey, SqliteKeyVault, SubjectCrypto } from '#crypto';
import { subjectStreamName, type Decider } from '#domain';
import { SqliteEventStore } from '#event-store';
import { SubjectCodec } from '../subjects/subject-codec';
import { CommandExecutor } from './command-executor';
import { plainCodec } from './event-codec';

type Add = { type: 'Add'; data: { amount: number } };
// A real subject event type, so SubjectCodec encrypts its `reason` and needs the key to read it back.
type Added = { type: 'ContactBlockLifted'; data: { reason: string; total: number } };

const counter: Decider<Add, Added, { total: number }> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => (event.data.reason === `+${event.data.total - state.total}` ? event.data : state),
  decide: ({ data }, { total }) => [
    { type: 'ContactBlockLifted', data: { reason: `+${data.amount}`, total: total + data.amount } },
  ],
};

/** Many commands to many subject streams in one tick: they share reads, never state. */
describe('CommandExecutor: commands of one tick', () => {
  const master = MasterKey.fromBytes(randomBytes(32));
  const context = { actor: 'crm', now: '2026-12-05T10:00:00.000Z' };
  const streams = Array.from({ length: 40 }, () => subjectStreamName(randomUUID()));
  let dir: string;
  let store: SqliteEventStore;
  let vault: SqliteKeyVault;
  const executorOn = async () => new CommandExecutor(store);
  const codecOn = async () => new SubjectCodec(await SubjectCrypto.open(vault, master));
  const add = (executor: CommandExecutor, codec: SubjectCodec, stream: string, amount = 1) =>
    executor.execute({ stream, decider: counter, command: { type: 'Add', data: { amount } }, codec, context });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'executor-tick-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    vault = SqliteKeyVault.open(join(dir, 'keys.sqlite'));
    const [executor, codec] = [await executorOn(), await codecOn()];
    await Promise.all(streams.map((stream) => add(executor, codec, stream)));
  });
  afterEach(async () => {
    await store.close();
    await vault.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads every stream of the tick in one store read and their keys in one vault read', async () => {
    // A restarted process: no cached folds, no cached keys.
    const [executor, codec] = [await executorOn(), await codecOn()];
    const reads = jest.spyOn(store, 'readStreams');
    const single = jest.spyOn(store, 'readStream');
    const keys = [jest.spyOn(vault, 'findDataKeys'), jest.spyOn(vault, 'findDataKey')];
    const shared = () => executor.state('counter-shared', counter, plainCodec);
    await Promise.all([...streams.map((stream) => add(executor, codec, stream)), ...streams.map(shared)]);
    expect(reads.mock.calls[0]![0]).toHaveLength(streams.length + 1);
    expect(single).not.toHaveBeenCalled();
    expect(keys.map((spy) => spy.mock.calls.length)).toEqual([1, 0]);
    expect(keys[0]!.mock.calls[0]![0]).toHaveLength(streams.length);
  });

  it('gives each command its own revision: nothing lost, nothing doubled, every chain intact', async () => {
    const [executor, codec] = [await executorOn(), await codecOn()];
    const results = await Promise.all(
      streams.flatMap((stream) => [1, 2, 3].map((n) => add(executor, codec, stream, n))),
    );
    for (const stream of streams) {
      const events = await store.readStream(stream);
      expect(events.map((e) => e.data.total)).toEqual([1, 2, 4, 7]);
      expect(events[0]!.metadata.prevHash).toBe(GENESIS_HASH);
      events.slice(1).forEach((e, i) => expect(e.metadata.prevHash).toBe(events[i]!.metadata.hash));
      events.forEach((e) => expect(eventHash(e)).toBe(e.metadata.hash));
      const mine = results.filter((r) => r.stream === stream).map((r) => r.revision);
      expect(mine.sort()).toEqual([1, 2, 3]);
    }
    expect(new Set(results.map((r) => r.position)).size).toBe(results.length);
  });

  it('retries a conflict with another writer on the same streams in the same tick, losing no update', async () => {
    const writers = [await executorOn(), await executorOn()];
    const codec = await codecOn();
    await Promise.all(streams.flatMap((stream) => writers.map((writer) => add(writer, codec, stream))));
    const totals = await Promise.all(streams.map(async (s) => (await store.readStream(s)).map((e) => e.data.total)));
    expect(totals).toEqual(streams.map(() => [1, 2, 3]));
  });
});
