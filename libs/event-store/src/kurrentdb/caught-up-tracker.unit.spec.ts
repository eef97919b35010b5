import { CaughtUpTracker } from './caught-up-tracker';

describe('caught-up tracker', () => {
  it('is caught up at once when nothing exists past the start', () => {
    const t = new CaughtUpTracker(10);
    t.setHead(10);
    expect(t.caughtUp).toBe(true);
  });

  it('waits for the handler to finish the event at the head', () => {
    const t = new CaughtUpTracker(0);
    t.setHead(20);
    for (const p of [10, 20]) {
      t.seen(p);
      t.enqueued(p);
      t.rawDelivered();
    }
    expect(t.caughtUp).toBe(false);
    t.handled(10);
    expect(t.caughtUp).toBe(false);
    t.handled(20);
    expect(t.caughtUp).toBe(true);
  });

  it('after a server signal, still counts the events that were buffered before it', () => {
    const t = new CaughtUpTracker(0);
    t.setHead(99); // the head event is filtered out server-side, so the count never reaches it
    t.serverCaughtUp(2);
    t.seen(10);
    t.enqueued(10);
    t.rawDelivered();
    t.handled(10);
    expect(t.caughtUp).toBe(false);
    t.seen(30);
    t.enqueued(30);
    t.rawDelivered();
    t.handled(30);
    expect(t.caughtUp).toBe(true);
  });

  it('treats a repeated position as already seen', () => {
    const t = new CaughtUpTracker(5);
    expect(t.seen(5)).toBe(false);
    expect(t.seen(6)).toBe(true);
    expect(t.seen(6)).toBe(false);
  });
});
