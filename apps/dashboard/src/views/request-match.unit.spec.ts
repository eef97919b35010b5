import type { DsrRequest } from '../api/types';
import { matches } from './request-match';
import { daysLeft } from '../subject/days-left';

const request = (overrides: Partial<DsrRequest>): DsrRequest => ({
  requestId: 'r',
  subjectId: 's',
  kind: 'access',
  channel: 'email',
  receivedAt: '2026-11-01T00:00:00Z',
  initialDueAt: '2026-12-01T00:00:00Z',
  dueAt: '2026-12-01T00:00:00Z',
  status: 'open',
  open: true,
  ...overrides,
});
const all = { kind: '', status: '', overdueOnly: false } as const;

describe('the request queue filters', () => {
  it('narrows by kind, by overdue, and by in time or extended', () => {
    const overdue = request({ status: 'overdue' });
    const extended = request({ kind: 'erasure', extendedUntil: '2027-01-01T00:00:00Z' });
    expect([overdue, extended].filter((r) => matches(r, { ...all, kind: 'erasure' }))).toEqual([extended]);
    expect([overdue, extended].filter((r) => matches(r, { ...all, overdueOnly: true }))).toEqual([overdue]);
    expect([overdue, extended].filter((r) => matches(r, { ...all, status: 'in-time' }))).toEqual([extended]);
    expect([overdue, extended].filter((r) => matches(r, { ...all, status: 'extended' }))).toEqual([extended]);
    expect([overdue, extended].filter((r) => matches(r, all))).toEqual([overdue, extended]);
  });
});

describe('days left (Art. 12(3))', () => {
  const t = (key: string, values: Record<string, string | number> = {}) => `${key}:${values.days ?? ''}`;
  const now = Date.parse('2026-12-05T12:00:00Z');

  it('counts whole days left, today, and days overdue', () => {
    expect(daysLeft('2026-12-15T12:00:00Z', now, t)).toBe('requests.daysLeft:10');
    expect(daysLeft('2026-12-06T13:00:00Z', now, t)).toBe('requests.dayLeft:');
    expect(daysLeft('2026-12-05T18:00:00Z', now, t)).toBe('requests.dueToday:');
    expect(daysLeft('2026-12-02T12:00:00Z', now, t)).toBe('requests.daysOverdue:3');
    expect(daysLeft('2026-12-05T11:00:00Z', now, t)).toBe('requests.daysOverdue:1');
  });
});
