import type { RecordedEvent } from '#event-store';
import { consentHistory } from './consent-history';

let position = 0;
function recorded(type: string, data: Record<string, unknown>): RecordedEvent {
  position += 1;
  return {
    id: `e${position}`,
    type,
    data: { subjectId: 's-1', ...data },
    metadata: { recordedAt: `2026-01-0${position}T00:00:00.000Z` },
    stream: 'subject-s-1',
    revision: position - 1,
    position,
    created: new Date(0),
  };
}

const scope = { topicId: 'news', channel: 'email', contactPointId: 'cp-1' };
const evidence = { method: 'double_opt_in', capturedAt: 'T', sourceSystem: 'shop', textVersion: 1, textHash: 'h' };

describe('the history of one consent (Art. 7(1))', () => {
  it('lists request, expiry, grant, withdrawal, renewal and erasure of its scope only, in log order', () => {
    const events = [
      recorded('DoubleOptInRequested', { ...scope, requestId: 'r-1', requestedAt: 'R1' }),
      recorded('DoubleOptInExpired', { requestId: 'r-1', expiredAt: 'X1' }),
      recorded('ConsentGranted', { ...scope, evidence: { ...evidence, ipAddress: 'enc:ip' }, grantedAt: 'G1' }),
      recorded('ConsentGranted', { ...scope, channel: 'sms', evidence, grantedAt: 'G1' }),
      recorded('ConsentRevoked', { ...scope, revokedAt: 'V1' }),
      recorded('ConsentGranted', { ...scope, evidence: { ...evidence, textVersion: 2 }, grantedAt: 'G2' }),
      recorded('SubjectErased', { erasedAt: 'E1' }),
    ];
    const history = consentHistory(events, scope);
    expect(history.map((e) => [e.kind, e.eventId])).toEqual([
      ['requested', 'e1'],
      ['request-expired', 'e2'],
      ['given', 'e3'],
      ['withdrawn', 'e5'],
      ['renewed', 'e6'],
      ['terminated', 'e7'],
    ]);
    expect(history[2]).toMatchObject({ indicatedAt: 'T', recordedAt: events[2]!.metadata.recordedAt });
    expect(history[2]!.grant).not.toHaveProperty('ipAddress');
    expect(history[4]!.grant).toMatchObject({ textVersion: 2 });
  });

  it('is empty for a consent never asked for, even when the subject is erased', () => {
    expect(consentHistory([recorded('SubjectErased', { erasedAt: 'E1' })], scope)).toEqual([]);
  });
});
