import { effectiveConsentStatus } from './consent-status';
import { EARLIER, LATER, NOW, evidence } from './subject.fixtures';
import type { ConsentGrant, ConsentRecord } from './subject.state';

const scope = { topicId: 'newsletter', channel: 'email' };
const grant = (textVersion: number, expiresAt?: string): ConsentGrant => ({
  evidence: evidence(textVersion),
  topicMaterialVersion: 1,
  grantedAt: EARLIER,
  ...(expiresAt === undefined ? {} : { expiresAt }),
});
const topic = (currentMaterialVersion: number) => ({ currentMaterialVersion });
const AFTER = '2025-03-09T00:00:00.000Z';

describe('effectiveConsentStatus', () => {
  it('is never-asked without a record', () => {
    expect(effectiveConsentStatus(undefined, topic(1), NOW)).toBe('never-asked');
  });

  it('is granted under a text at or after the current material version', () => {
    expect(effectiveConsentStatus({ status: 'granted', scope, grant: grant(2) }, topic(1), NOW)).toBe('granted');
    expect(effectiveConsentStatus({ status: 'granted', scope, grant: grant(2) }, topic(2), NOW)).toBe('granted');
  });

  it('is reconsent-required once a newer material version exists (the "Informieren" right)', () => {
    expect(effectiveConsentStatus({ status: 'granted', scope, grant: grant(2) }, topic(3), NOW)).toBe(
      'reconsent-required',
    );
  });

  it('is expired once a grant expiry has passed, and granted before', () => {
    const record: ConsentRecord = { status: 'granted', scope, grant: grant(2, LATER) };
    expect(effectiveConsentStatus(record, topic(1), NOW)).toBe('granted');
    expect(effectiveConsentStatus(record, topic(1), LATER)).toBe('expired');
  });

  it('compares instants, not strings, across offsets', () => {
    const record: ConsentRecord = { status: 'granted', scope, grant: grant(2, '2025-03-01T12:00:00+02:00') };
    expect(effectiveConsentStatus(record, topic(1), '2025-03-01T10:30:00Z')).toBe('expired');
  });

  it('is pending while a double opt-in is open and expired once its expiry passes', () => {
    const record: ConsentRecord = { status: 'pending-double-opt-in', scope, requestId: 'doi-1', expiresAt: LATER };
    expect(effectiveConsentStatus(record, topic(1), NOW)).toBe('pending-double-opt-in');
    expect(effectiveConsentStatus(record, topic(1), AFTER)).toBe('expired');
  });

  it('stays revoked whatever the topic does, and expired when recorded so', () => {
    expect(effectiveConsentStatus({ status: 'revoked', scope, grant: grant(2), revokedAt: NOW }, topic(3), NOW)).toBe(
      'revoked',
    );
    expect(
      effectiveConsentStatus({ status: 'expired', scope, requestId: 'doi-1', expiredAt: LATER }, topic(1), AFTER),
    ).toBe('expired');
  });
});
