import { foldEvents } from '../../../testing/src/decider-spec';
import { holdPlaced, requestReceived } from './privacy.fixtures';
import { retentionVerdict, type RetentionTopic } from './retention';
import { SUBJECT_ID, granted, registered } from './subject.fixtures';
import { subjectDecider } from './subject.decider';
import type { SubjectEvent } from './subject.events';

const topics = new Map<string, RetentionTopic>([['newsletter', { id: 'newsletter', retentionDays: 30, currentMaterialVersion: 1 }]]);
const revoked = (revokedAt = '2025-03-01T00:00:00.000Z'): SubjectEvent => ({
  type: 'ConsentRevoked', data: { subjectId: SUBJECT_ID, topicId: 'newsletter', channel: 'email', revokedAt },
});
const verdict = (events: SubjectEvent[], now: string, known = topics) => retentionVerdict(foldEvents(subjectDecider, events), known, now);

describe('retentionVerdict', () => {
  it('says a subject lapses once every consent ended longer ago than its topic\'s retention period', () => {
    expect(verdict([registered(), granted(), revoked()], '2025-04-01T00:00:00.000Z')).toEqual({
      lapsed: true,
      reasons: ['newsletter/email: consent ended 2025-03-01T00:00:00.000Z; retention of 30 days ended 2025-03-31T00:00:00.000Z'],
    });
  });

  it('keeps a subject within the retention period, or with a consent in force', () => {
    expect(verdict([registered(), granted(), revoked()], '2025-03-15T00:00:00.000Z').lapsed).toBe(false);
    expect(verdict([registered(), granted()], '2030-01-01T00:00:00.000Z')).toEqual({ lapsed: false, reasons: ['newsletter/email: consent is still in force'] });
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
    expect(verdict([registered(), granted(), revoked()], '2030-01-01T00:00:00.000Z', new Map()).reasons).toEqual(['newsletter/email: topic newsletter is unknown']);
    expect(verdict([], '2030-01-01T00:00:00.000Z')).toEqual({ lapsed: false, reasons: ['the subject is not registered'] });
  });
});
