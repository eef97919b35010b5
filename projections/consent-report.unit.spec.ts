import { CONSENT_RECORDS, consentReportModel, reportKey, type ConsentReportDocument } from './consent-report';
import { fold, SUBJECT, subjectEvent, T1, T2 } from './projection.fixtures';
import type { ProjectedEvent } from './read-model';
import { doiRequested, granted, revoked } from './subject-profile.fixtures';

const CONSENT = `${CONSENT_RECORDS}/${SUBJECT}/newsletter/email`;
const REQUEST = `${CONSENT_RECORDS}/${SUBJECT}/request/doi-1`;

function recordsAfter(...events: ProjectedEvent[]): Map<string, ConsentReportDocument> {
  return fold(consentReportModel, events);
}

describe('consent report read model (Art. 5(2), 7(1))', () => {
  it('ConsentGranted: records the grant with its evidence and no personal data', () => {
    const grant = granted();
    const doc = recordsAfter(grant).get(CONSENT)!;
    expect(doc).toMatchObject({
      subjectId: SUBJECT,
      topicId: 'newsletter',
      channel: 'email',
      status: 'granted',
      textVersion: 1,
      evidenceMethod: 'checkbox',
      capturedAt: grant.data.evidence && (grant.data.evidence as { capturedAt: string }).capturedAt,
      recordedAt: T1,
      eventIds: [grant.id],
    });
    expect(JSON.stringify(doc)).not.toContain('enc:v1');
    expect(doc.reportKeys).toHaveLength(8);
    expect(doc.reportKeys).toEqual(
      expect.arrayContaining([
        reportKey({}),
        reportKey({ topicId: 'newsletter', channel: 'email', status: 'granted' }),
        reportKey({ status: 'granted' }),
      ]),
    );
  });

  it('ConsentRevoked: withdraws the grant, keeps its evidence and lists both events', () => {
    const grant = granted();
    const revoke = revoked({ revokedAt: T2 });
    const doc = recordsAfter(grant, revoke).get(CONSENT)!;
    expect(doc).toMatchObject({ status: 'revoked', recordedAt: T2, textVersion: 1, eventIds: [grant.id, revoke.id] });
    expect(doc.reportKeys).toContain(reportKey({ status: 'revoked' }));
    expect(doc.reportKeys).not.toContain(reportKey({ status: 'granted' }));
  });

  it('ConsentRevoked without a grant records nothing', () => {
    expect(recordsAfter(revoked()).size).toBe(0);
  });

  it('DoubleOptInRequested and DoubleOptInExpired: the request is a record until it lapses', () => {
    const request = doiRequested();
    const expired = subjectEvent('DoubleOptInExpired', { requestId: 'doi-1', expiredAt: T2 });
    expect(recordsAfter(request).get(REQUEST)).toMatchObject({
      status: 'pending-double-opt-in',
      contactPointId: 'cp-mail',
      evidenceMethod: 'double_opt_in',
      eventIds: [request.id],
    });
    expect(recordsAfter(request, expired).get(REQUEST)).toMatchObject({
      status: 'expired',
      recordedAt: T2,
      eventIds: [request.id, expired.id],
    });
  });

  it('DoubleOptInConfirmed: the request closes and the grant recorded with it is the record', () => {
    const confirmed = subjectEvent('DoubleOptInConfirmed', { requestId: 'doi-1', confirmedAt: T2 });
    const grant = granted({ contactPointId: 'cp-mail', grantedAt: T2 });
    const docs = recordsAfter(doiRequested(), confirmed, grant);
    expect(docs.has(REQUEST)).toBe(false);
    expect(docs.get(`${CONSENT}/cp-mail`)).toMatchObject({ status: 'granted', contactPointId: 'cp-mail' });
  });

  it('is idempotent when replayed: the same events give the same records', () => {
    const events = [granted(), revoked({ revokedAt: T2 }), granted({ grantedAt: T2 })];
    expect(recordsAfter(...events)).toEqual(recordsAfter(...events));
    expect(recordsAfter(...events).get(CONSENT)).toMatchObject({
      status: 'granted',
      eventIds: events.map((e) => e.id),
    });
  });

  it('SubjectErased: every record of the person shows erased with the erasure, others stay', () => {
    const grant = granted();
    const request = doiRequested();
    const other = subjectEvent('ConsentGranted', { ...granted().data, subjectId: 'someone-else' });
    const erased = subjectEvent('SubjectErased', { erasedAt: T2 });
    const docs = recordsAfter(grant, request, other, erased);
    for (const key of [CONSENT, REQUEST])
      expect(docs.get(key)).toMatchObject({
        status: 'erased',
        recordedAt: T2,
        eventIds: expect.arrayContaining([erased.id]),
      });
    expect(docs.get(CONSENT)!.reportKeys).not.toContain(reportKey({ status: 'granted' }));
    expect(docs.get(`${CONSENT_RECORDS}/someone-else/newsletter/email`)).toMatchObject({ status: 'granted' });
  });
});
