import type { ReadStore } from '#read-store';
import { READ_STORE } from '#runtime';
import { SUBJECT_PROFILES } from '#projections';
import { ReadSideDriver } from './read-side.driver';

const PEOPLE = 80;

/**
 * Issue #20 item 2: a Mission Control frame costs what changed since the last one. Counted as
 * subject profiles read from the real app's read store per GET /stats, not timed.
 */
describe('read side: Mission Control figures read only what changed (e2e)', () => {
  let driver: ReadSideDriver;
  let read = 0;
  const subjects: string[] = [];

  beforeAll(async () => {
    driver = await ReadSideDriver.boot();
    await driver.defineTopic('letter');
    for (let i = 0; i < PEOPLE; i++)
      subjects.push(await driver.register([{ channel: 'email', address: `p${i}@example.org` }]));
    countProfilesRead(driver.app.get<ReadStore>(READ_STORE));
  }, 60_000);
  afterAll(() => driver.close());

  /** Spies that call through: every profile any query hands back is counted. */
  function countProfilesRead(store: ReadStore): void {
    const counted = <K extends 'find' | 'getMany' | 'changes' | 'get'>(method: K) => {
      const original = (store[method] as (...args: unknown[]) => Promise<unknown>).bind(store);
      jest.spyOn(store, method).mockImplementation((async (collection: string, ...rest: unknown[]) => {
        const result = (await original(collection, ...rest)) as { items?: unknown[] } | unknown[] | undefined;
        if (collection !== SUBJECT_PROFILES) return result;
        read +=
          result === undefined
            ? 0
            : Array.isArray(result)
              ? result.length
              : 'items' in result
                ? result.items!.length
                : 1;
        return result;
      }) as never);
    };
    for (const method of ['find', 'getMany', 'changes', 'get'] as const) counted(method);
  }

  async function figuresReading(): Promise<{ granted: number; read: number }> {
    read = 0;
    const res = await driver.query('/stats', 'admin');
    expect(res.statusCode).toBe(200);
    const cell = res.json().consents.find((f: { channel: string }) => f.channel === 'email');
    return { granted: cell.granted, read };
  }

  it('reads every profile once, then only the profiles changed since the last figures', async () => {
    expect((await figuresReading()).read).toBe(PEOPLE);
    await driver.grant(subjects[7]!, 'letter');
    expect(await figuresReading()).toEqual({ granted: 1, read: 1 });
    expect(await figuresReading()).toEqual({ granted: 1, read: 0 });
  });
});
