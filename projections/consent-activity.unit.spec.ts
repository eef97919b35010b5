import type { ReadStore, StoredDocument } from '#read-store';
import { consentActivityModel, consentTrend, type ActivityDay } from './consent-activity';
import { fold, NOW, subjectEvent, T1, T2 } from './projection.fixtures';
import { blockSet, granted, objection, revoked } from './subject-profile.fixtures';

describe('consent activity per day (Mission Control trend)', () => {
  it('counts grants, revocations and blocks on the day each event records', () => {
    const docs = fold(consentActivityModel, [
      granted(),
      granted({ channel: 'sms', grantedAt: T2 }),
      revoked({ revokedAt: T2 }),
      blockSet({ kind: 'global' }),
    ]);
    expect([...docs.values()]).toEqual([
      { day: T1.slice(0, 10), grants: 1, revocations: 0, blocks: 1 },
      { day: T2.slice(0, 10), grants: 1, revocations: 1, blocks: 0 },
    ]);
  });

  it('ignores every other event type', () => {
    const events = [objection({ kind: 'direct_marketing' }), subjectEvent('SubjectErased', { erasedAt: T1 })];
    expect(events.flatMap((e) => consentActivityModel.keysOf(e))).toEqual([]);
    expect(consentActivityModel.filter.eventTypes).toEqual(['ConsentGranted', 'ConsentRevoked', 'ContactBlockSet']);
  });

  it('answers thirty days up to today, oldest first, days without events as zeros', async () => {
    const stored: StoredDocument<ActivityDay> = {
      id: '2025-03-03',
      doc: { day: '2025-03-03', grants: 2, revocations: 1, blocks: 0 },
      position: 1,
    };
    const store = {
      getMany: async (_c: string, ids: readonly string[]) => (ids.includes(stored.id) ? [stored] : []),
    } as unknown as ReadStore;
    const trend = await consentTrend(store, NOW);
    expect(trend).toHaveLength(30);
    expect(trend[0]!.day).toBe('2025-02-04');
    expect(trend.at(-1)).toEqual({ day: '2025-03-05', grants: 0, revocations: 0, blocks: 0 });
    expect(trend.at(-3)).toEqual(stored.doc);
  });
});
