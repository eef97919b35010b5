import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dsrRequestsModel } from '#projections';
import { SqliteReadStore, type ReadStore } from '#read-store';
import { fold, subjectEvent } from '../../../../projections/projection.fixtures';
import { GetRequestQueue, GetRequestQueueHandler } from './request-queue.query';

const NOW = '2025-06-01T00:00:00.000Z';
const received = (requestId: string, dueAt: string) =>
  subjectEvent('DataSubjectRequestReceived', {
    requestId,
    kind: 'access',
    channel: 'email',
    receivedAt: '2025-01-01T00:00:00.000Z',
    dueAt,
  });

/** The queue answers from the dsr-requests read model as the runner committed it. */
describe('GetRequestQueueHandler (sqlite read store)', () => {
  let dir: string;
  let store: ReadStore;
  const queue = (status: 'open' | 'overdue') =>
    new GetRequestQueueHandler(store).execute(new GetRequestQueue(status, NOW));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'request-queue-'));
    store = await SqliteReadStore.open(join(dir, 'read.sqlite'));
    await store.ensureIndexes(dsrRequestsModel.indexes);
    // 1,200 open requests so the answer spans two pages of the store, plus each way a request leaves the queue.
    const bulk = Array.from({ length: 1200 }, (_, i) =>
      received(`bulk-${String(i).padStart(4, '0')}`, '2025-09-01T00:00:00.000Z'),
    );
    const events = [
      ...bulk,
      received('late', '2025-02-01T00:00:00.000Z'),
      received('extended', '2025-02-01T00:00:00.000Z'),
      subjectEvent('DataSubjectRequestExtended', { requestId: 'extended', extendedUntil: '2025-07-01T00:00:00.000Z' }),
      received('fulfilled', '2025-02-01T00:00:00.000Z'),
      subjectEvent('DataSubjectRequestFulfilled', { requestId: 'fulfilled', fulfilledAt: '2025-01-20T00:00:00.000Z' }),
      received('rejected', '2025-03-01T00:00:00.000Z'),
      subjectEvent('DataSubjectRequestRejected', { requestId: 'rejected', rejectedAt: '2025-01-20T00:00:00.000Z' }),
      received('erased', '2025-01-15T00:00:00.000Z'),
      subjectEvent('SubjectErased', { closedRequestIds: ['erased'], erasedAt: '2025-01-20T00:00:00.000Z' }),
    ];
    const docs = fold(dsrRequestsModel, events);
    const writes = [...docs].map(([key, doc]) => ({
      kind: 'put' as const,
      collection: key.split('/')[0]!,
      id: key.split('/')[1]!,
      doc,
      position: 1,
    }));
    await store.commit({ projection: dsrRequestsModel.name, checkpoint: events.length, writes });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every open request, earliest deadline in force first, across pages', async () => {
    const open = await queue('open');
    expect(open).toHaveLength(1202);
    expect(open.slice(0, 3).map((d) => d.requestId)).toEqual(['late', 'extended', 'bulk-0000']);
    expect(open.at(-1)!.requestId).toBe('bulk-1199');
    expect(open[1]).toMatchObject({
      initialDueAt: '2025-02-01T00:00:00.000Z',
      dueAt: '2025-07-01T00:00:00.000Z',
      status: 'open',
    });
  });

  it('lists as overdue only open requests whose deadline in force has passed', async () => {
    expect((await queue('overdue')).map((d) => d.requestId)).toEqual(['late']);
  });
});
