import { foldEvents } from '#testing';
import { holdPlaced, requestReceived } from './privacy.fixtures';
import fc from 'fast-check';
import { changesRetention, nextRetentionReview, retentionVerdict, type RetentionTopic } from './retention';
import { SUBJECT_ID, granted, registered } from './subject.fixtures';
import { subjectDecider } from './subject.decider';
import { topicDefined, topicRetired, versionPublished } from '../topic/topic.fixtures';
import type { SubjectEvent } from './subject.events';

const topics = new Map<string, RetentionTopic>([
  ['newsletter', { id: 'newsletter', retentionDays: 30, currentMaterialVersion: 1 }],
]);
const revoked = (revokedAt = '2025-03-01T00:00:00.000Z'): SubjectEvent => ({
  type: 'ConsentRevoked',
  data: { subjectId: SUBJECT_ID, topicId: 'newsletter', channel: 'email', revokedAt },
});
const verdict = (events: SubjectEvent[], now: string, known = topics) =>
  retentionVerdict(foldEvents(subjectDecider, events), known, now);

describe('retentionVerdict', () => {
  it("says a subject lapses once every consent ended longer ago than its topic's retention period", () => {
    expect(verdict([registered(), granted(), revoked()], '2025-04-01T00:00:00.000Z')).toEqual({
      lapsed: true,
      reasons: [
        'newsletter/email: consent ended 2025-03-01T00:00:00.000Z; retention of 30 days ended 2025-03-31T00:00:00.000Z',
      ],
    });
  });

  it('keeps a subject within the retention period, or with a consent in force', () => {
    expect(verdict([registered(), granted(), revoked()], '2025-03-15T00:00:00.000Z').lapsed).toBe(false);
    expect(verdict([registered(), granted()], '2030-01-01T00:00:00.000Z')).toEqual({
      lapsed: false,
      reasons: ['newsletter/email: consent is still in force'],
    });
  });

  it('counts an expired grant from its expiry', () => {
    const expiring = granted({ expiresAt: '2025-03-10T00:00:00.000Z' });
    expect(verdict([registered(), expiring], '2025-04-10T00:00:00.000Z').lapsed).toBe(true);
    expect(verdict([registered(), expiring], '2025-04-08T00:00:00.000Z').lapsed).toBe(false);
  });

  it('keeps a subject under a legal hold or with an open request, and says so without personal data', () => {
    const held = verdict([registered(), holdPlaced(), granted(), revoked()], '2025-06-01T00:00:00.000Z');
    expect(held).toEqual({ lapsed: false, reasons: ['legal hold hold-1 applies until 2035-12-31T00:00:00.000Z'] });
    expect(JSON.stringify(held)).not.toContain('invoices');
    const open = verdict([registered(), requestReceived('access'), granted(), revoked()], '2025-06-01T00:00:00.000Z');
    expect(open.reasons).toEqual(['access request req-1 is open']);
  });

  it('keeps a subject with no recorded purpose or an unknown topic, and one already erased', () => {
    expect(verdict([registered()], '2030-01-01T00:00:00.000Z').lapsed).toBe(false);
    expect(verdict([registered(), granted(), revoked()], '2030-01-01T00:00:00.000Z', new Map()).reasons).toEqual([
      'newsletter/email: topic newsletter is unknown',
    ]);
    expect(verdict([], '2030-01-01T00:00:00.000Z')).toEqual({
      lapsed: false,
      reasons: ['the subject is not registered'],
    });
  });
});

describe('nextRetentionReview', () => {
  const review = (events: SubjectEvent[], now: string) =>
    nextRetentionReview(foldEvents(subjectDecider, events), topics, now);

  it('names the end of the retention period, of a grant, and of a legal hold, whichever comes first', () => {
    expect(review([registered(), granted(), revoked()], '2025-03-15T00:00:00.000Z')).toBe('2025-03-31T00:00:00.000Z');
    expect(review([registered(), granted({ expiresAt: '2025-03-10T00:00:00.000Z' })], '2025-03-01T00:00:00.000Z')).toBe(
      '2025-03-10T00:00:00.000Z',
    );
    expect(review([registered(), granted({ expiresAt: '2025-03-10T00:00:00.000Z' })], '2025-03-11T00:00:00.000Z')).toBe(
      '2025-04-09T00:00:00.000Z',
    );
    expect(
      review(
        [registered(), holdPlaced('hold-1', '2025-05-01T00:00:00.000Z'), granted(), revoked()],
        '2025-04-15T00:00:00.000Z',
      ),
    ).toBe('2025-05-01T00:00:00.000Z');
  });

  it('names nothing when only a new event can change the verdict', () => {
    expect(review([registered(), granted()], '2025-03-15T00:00:00.000Z')).toBeUndefined();
    expect(review([registered(), granted(), revoked()], '2025-04-15T00:00:00.000Z')).toBeUndefined();
    expect(review([], '2025-03-15T00:00:00.000Z')).toBeUndefined();
  });

  it('is never later than the first change of the verdict (so a subject skipped until then is never erased late)', () => {
    const histories: SubjectEvent[][] = [
      [registered(), granted(), revoked()],
      [registered(), granted({ expiresAt: '2025-03-10T00:00:00.000Z' })],
      [registered(), holdPlaced('hold-1', '2025-05-01T00:00:00.000Z'), granted(), revoked()],
      [
        registered(),
        granted(),
        revoked('2025-02-01T00:00:00.000Z'),
        granted({ expiresAt: '2025-06-01T00:00:00.000Z' }),
      ],
      [registered(), granted()],
    ];
    const day = 86_400_000;
    const instant = fc
      .integer({ min: Date.parse('2025-01-01T00:00:00.000Z') / day, max: Date.parse('2026-01-01T00:00:00.000Z') / day })
      .map((d) => d * day);
    fc.assert(
      fc.property(fc.constantFrom(...histories), instant, instant, (events, a, b) => {
        const [from, to] = [new Date(Math.min(a, b)).toISOString(), new Date(Math.max(a, b)).toISOString()];
        const next = review(events, from);
        if (next !== undefined && Date.parse(next) <= Date.parse(to)) return true;
        return verdict(events, to).lapsed === verdict(events, from).lapsed;
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('changesRetention', () => {
  it('is true for what moves a retention period or the material version, false for the rest', () => {
    expect(changesRetention(topicDefined())).toBe(true);
    expect(changesRetention(versionPublished(2, 'material'))).toBe(true);
    expect(changesRetention(versionPublished(2, 'editorial'))).toBe(false);
    expect(changesRetention(topicRetired())).toBe(false);
  });
});
