import fc from 'fast-check';
import { ExpiryQueue } from './expiry-queue';

describe('ExpiryQueue', () => {
  it('hands out the ids due at or before a moment, earliest first, each once', () => {
    const queue = new ExpiryQueue();
    queue.schedule('c', 30);
    queue.schedule('a', 10);
    queue.schedule('b', 20);
    expect(queue.takeDue(5)).toEqual([]);
    expect(queue.takeDue(20)).toEqual(['a', 'b']);
    expect(queue.takeDue(20)).toEqual([]);
    expect(queue.size).toBe(1);
  });

  it('keeps only the last moment scheduled for an id, and forgets an id scheduled with none', () => {
    const queue = new ExpiryQueue();
    queue.schedule('a', 10);
    queue.schedule('a', 50);
    queue.schedule('b', 10);
    queue.schedule('b', undefined);
    expect(queue.takeDue(40)).toEqual([]);
    expect(queue.takeDue(50)).toEqual(['a']);
  });

  it('agrees with a plain map after any sequence of schedules and takes', () => {
    const op = fc.oneof(
      fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), at: fc.option(fc.nat(100), { nil: undefined }) }),
      fc.record({ now: fc.nat(100) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const queue = new ExpiryQueue();
        const model = new Map<string, number>();
        for (const o of ops) {
          if ('now' in o) {
            const due = [...model].filter(([, at]) => at <= o.now).map(([id]) => id);
            expect(queue.takeDue(o.now).sort()).toEqual(due.sort());
            for (const id of due) model.delete(id);
          } else if (o.at === undefined) {
            queue.schedule(o.id, undefined);
            model.delete(o.id);
          } else {
            queue.schedule(o.id, o.at);
            model.set(o.id, o.at);
          }
        }
        expect(queue.size).toBe(model.size);
      }),
      { numRuns: 50 },
    );
  });
});
