import { SUBJECT_PROFILES } from './subject-profile';
import { TOPICS } from './topics';
import { groupByDueDate, openRequestsByDueDate, type OpenRequestDocument } from './open-requests';
import type { ReadStore } from '#read-store';

const request = (requestId: string, dueAt: string): OpenRequestDocument => ({
  requestId,
  subjectId: `s-${requestId}`,
  kind: 'access',
  open: true,
  receivedAt: '2025-02-01T00:00:00Z',
  dueAt,
});

describe('open data-subject requests by due date (Art. 12(3))', () => {
  it('groups by due day, earliest first, and marks days with a lapsed deadline overdue', () => {
    const groups = groupByDueDate(
      [
        request('b', '2025-03-10T12:00:00Z'),
        request('a', '2025-03-01T09:00:00Z'),
        request('c', '2025-03-10T08:00:00Z'),
      ],
      '2025-03-05T00:00:00Z',
    );
    expect(groups.map((g) => [g.dueDate, g.overdue, g.requests.map((r) => r.requestId)])).toEqual([
      ['2025-03-01', true, ['a']],
      ['2025-03-10', false, ['c', 'b']],
    ]);
  });

  it('is empty while no read model declares the dsr collection, without touching the store', async () => {
    const store = { find: () => Promise.reject(new Error('must not be read')) } as unknown as ReadStore;
    await expect(openRequestsByDueDate(store, [SUBJECT_PROFILES, TOPICS], '2025-03-05T00:00:00Z')).resolves.toEqual([]);
  });
});
