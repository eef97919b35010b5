import type { EventFilter, RecordedEvent } from '#event-store';
import { SqliteSubscription, type SubscriptionSource } from '../../libs/event-store/src/sqlite/subscription';

/** An in-memory log behind the SubscriptionSource seam, recording where each read started. */
class FakeLog implements SubscriptionSource {
  readonly events: RecordedEvent[] = [];
  readonly readsAfter: number[] = [];
  private listener: (() => void) | undefined;

  append(type: string): void {
    const position = this.events.length + 1;
    this.events.push({
      id: `e${position}`,
      type,
      data: {},
      metadata: {},
      stream: 's-1',
      revision: position - 1,
      position,
      created: new Date(0),
    });
    this.listener?.();
  }

  readPage(after: number, maxCount: number, filter: EventFilter | undefined) {
    this.readsAfter.push(after);
    const matching = this.events.filter(
      (e) => e.position > after && (!filter?.eventTypes || filter.eventTypes.includes(e.type)),
    );
    return { events: matching.slice(0, maxCount), head: this.events.length };
  }

  listen(wake: () => void) {
    this.listener = wake;
    return () => (this.listener = undefined);
  }
}

const settle = () => new Promise((r) => setImmediate(r));

describe('a filtered SQLite subscription (reliability)', () => {
  it('reads only what was appended since its last read, and still delivers every later match once', async () => {
    // Given a subscription to one event type, caught up after its only match,
    const log = new FakeLog();
    log.append('Match');
    const delivered: string[] = [];
    const sub = new SqliteSubscription(
      log,
      (batch) => void delivered.push(...batch.map((e) => e.id)),
      0,
      { eventTypes: ['Match'] },
      10,
    );
    await settle();

    // when 30 other events are committed one by one and then another match,
    for (let i = 0; i < 30; i++) {
      log.append('Other');
      await settle();
    }
    log.append('Match');
    await settle();
    await sub.close();

    // then no read started before the head it had already seen, and both matches arrived once.
    expect(log.readsAfter.slice(1).every((after, i) => after >= log.readsAfter[i]!)).toBe(true);
    expect(log.readsAfter[log.readsAfter.length - 1]).toBe(31);
    expect(delivered).toEqual(['e1', 'e32']);
    expect(sub.position).toBe(32);
  });
});
