import { addCalendarMonths, extendedDueAt, requestDueAt } from './dsr.deadline';

describe('request deadlines (Art. 12(3))', () => {
  it.each([
    ['2025-03-15T10:00:00.000Z', '2025-04-15T10:00:00.000Z'],
    ['2025-01-31T08:00:00.000Z', '2025-02-28T08:00:00.000Z'],
    ['2024-01-31T08:00:00.000Z', '2024-02-29T08:00:00.000Z'],
    ['2025-12-20T23:30:00.000Z', '2026-01-20T23:30:00.000Z'],
  ])('a request received %s is due %s', (received, due) => {
    expect(requestDueAt(received)).toBe(due);
  });

  it('extends from receipt, not from the clamped first due date', () => {
    expect(extendedDueAt('2025-01-31T08:00:00.000Z', 2)).toBe('2025-04-30T08:00:00.000Z');
    expect(addCalendarMonths('2025-03-31T00:00:00+02:00', 1)).toBe('2025-04-30T22:00:00.000Z');
  });
});
