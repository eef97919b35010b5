import { PassThrough, Readable } from 'node:stream';
import type { AllStreamResolvedEvent, KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-store.port';
import { KurrentDbSubscription } from './kurrentdb-subscription';

/** A resolved $all entry as the client hands it over. */
function entry(position: number, type = 'ConsentGranted', stream = 'subject-1'): AllStreamResolvedEvent {
  const at = { commit: BigInt(position), prepare: BigInt(position) };
  const event = {
    streamId: stream,
    id: `id-${position}`,
    isJson: true,
    revision: 0n,
    type,
    created: new Date(0),
    data: {},
    metadata: {},
    position: at,
  };
  return { event, commitPosition: at.commit } as AllStreamResolvedEvent;
}

/** Stands in for the gRPC client: a fixed log for the head read, a pushable subscription stream. */
function fakeClient(log: AllStreamResolvedEvent[]) {
  const live = Object.assign(new PassThrough({ objectMode: true }), { unsubscribe: jest.fn(async () => undefined) });
  const client = {
    readAll: () => Readable.from([...log].reverse()),
    subscribeToAll: jest.fn(() => live),
  };
  return { client: client as unknown as KurrentDBClient, live };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('KurrentDbSubscription', () => {
  it('delivers only events after the start, in order, in bounded batches, without system events', async () => {
    const log = [entry(10), entry(20), entry(25, '$statsCollected', '$stats-1'), entry(30), entry(40)];
    const { client, live } = fakeClient(log);
    const batches: RecordedEvent[][] = [];
    const sub = new KurrentDbSubscription(
      client,
      { after: 10, maxBatchSize: 2 },
      (b) => void batches.push([...b]),
      () => undefined,
    );
    await until(() => (client.subscribeToAll as jest.Mock).mock.calls.length > 0);
    log.forEach((e) => live.write(e)); // the server repeats the start position; it must be skipped
    await until(() => sub.caughtUp);
    expect(batches.flat().map((e) => e.position)).toEqual([20, 30, 40]);
    expect(batches.every((b) => b.length <= 2)).toBe(true);
    expect(sub.position).toBe(40);
    live.write(entry(50));
    await until(() => sub.position === 50);
    await sub.close();
    await expect(sub.done).resolves.toBeUndefined();
    expect(live.unsubscribe).toHaveBeenCalled();
  });

  it('is caught up on the server signal when the head event is filtered out', async () => {
    const { client, live } = fakeClient([entry(10), entry(20, 'ObjectionRaised')]);
    const seen: number[] = [];
    const sub = new KurrentDbSubscription(
      client,
      { filter: { eventTypes: ['ConsentGranted'] } },
      (b) => void seen.push(...b.map((e) => e.position)),
      () => undefined,
    );
    await until(() => (client.subscribeToAll as jest.Mock).mock.calls.length > 0);
    live.write(entry(10));
    live.emit('caughtUp');
    await until(() => sub.caughtUp);
    expect(seen).toEqual([10]);
    await sub.close();
  });

  it('ends and rejects done when the handler throws', async () => {
    const { client, live } = fakeClient([entry(10)]);
    const ended = jest.fn();
    const sub = new KurrentDbSubscription(client, {}, () => Promise.reject(new Error('projection failed')), ended);
    await until(() => (client.subscribeToAll as jest.Mock).mock.calls.length > 0);
    live.write(entry(10));
    await expect(sub.done).rejects.toThrow('projection failed');
    expect(ended).toHaveBeenCalledWith(sub);
  });

  it('rejects done when the server ends the stream', async () => {
    const { client, live } = fakeClient([]);
    const sub = new KurrentDbSubscription(
      client,
      {},
      () => undefined,
      () => undefined,
    );
    await until(() => (client.subscribeToAll as jest.Mock).mock.calls.length > 0);
    expect(sub.caughtUp).toBe(true);
    live.end();
    live.resume();
    await expect(sub.done).rejects.toThrow(/ended the subscription/);
  });
});
