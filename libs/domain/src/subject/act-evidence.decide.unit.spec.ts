import { deciderSpec } from '#testing';
import type { ActEvidenceInput } from './act-evidence';
import type { SetContactBlock } from './block.commands';
import type { RaiseObjection, RevokeConsent } from './consent.commands';
import type { ReceiveDataSubjectRequest } from './dsr.commands';
import { RECEIVED_AT } from './privacy.fixtures';
import { NOW, SUBJECT_ID, context, granted, registered } from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);
const shown: ActEvidenceInput = {
  method: 'privacy_center',
  sourceSystem: 'privacy-center',
  textVersion: 2,
  ipAddress: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (phone)',
  globalPrivacyControl: true,
};
const recorded = { ...shown, globalPrivacyControl: true as const };

const revoke = (evidence: ActEvidenceInput): RevokeConsent => ({
  type: 'RevokeConsent',
  data: { topicId: 'newsletter', channel: 'email', evidence },
  metadata: context,
});
const object = (evidence?: ActEvidenceInput): RaiseObjection => ({
  type: 'RaiseObjection',
  data: { scope: { kind: 'direct_marketing' }, evidence },
  metadata: context,
});
const block = (evidence: ActEvidenceInput): SetContactBlock => ({
  type: 'SetContactBlock',
  data: {
    blockId: 'block-1',
    scope: { kind: 'global' },
    reason: 'set by the subject',
    reference: { kind: 'request', id: 'pc-1' },
    evidence,
  },
  metadata: context,
});
const request = (data: Partial<ReceiveDataSubjectRequest['data']>): ReceiveDataSubjectRequest => ({
  type: 'ReceiveDataSubjectRequest',
  data: { requestId: 'req-1', kind: 'rectification', channel: 'web', receivedAt: RECEIVED_AT, ...data },
  metadata: context,
});

describe('evidence of the subject’s own act (Privacy Center)', () => {
  it('records how a revocation was made: method, IP, user agent, text version, GPC (Art. 7(3))', () => {
    spec
      .given([registered(), granted()])
      .when(revoke(shown))
      .then([
        {
          type: 'ConsentRevoked',
          data: {
            subjectId: SUBJECT_ID,
            topicId: 'newsletter',
            channel: 'email',
            revokedAt: NOW,
            evidence: recorded,
          },
        },
      ]);
  });

  it('records the evidence of an objection (Art. 21)', () => {
    spec
      .given([registered()])
      .when(object(shown))
      .then([
        {
          type: 'ObjectionRaised',
          data: { subjectId: SUBJECT_ID, scope: { kind: 'direct_marketing' }, raisedAt: NOW, evidence: recorded },
        },
      ]);
  });

  it('records the evidence of a block the subject set', () => {
    const [event] = subjectDecider.decide(block(shown), foldRegistered());
    expect(event).toMatchObject({ type: 'ContactBlockSet', data: { evidence: recorded } });
  });

  it('records a rectification request with its field, correction and evidence (Art. 16)', () => {
    const [event] = subjectDecider.decide(
      request({ field: 'lastName', correction: 'Müller', evidence: shown }),
      foldRegistered(),
    );
    expect(event).toMatchObject({
      type: 'DataSubjectRequestReceived',
      data: { kind: 'rectification', field: 'lastName', correction: 'Müller', evidence: recorded },
    });
  });

  it('refuses a correction on a request that is not a rectification', () => {
    spec
      .given([registered()])
      .when(request({ kind: 'erasure', correction: 'x' }))
      .thenThrows('REQUEST.KIND_MISMATCH', { field: 'field' });
  });

  it('refuses a field name with invisible characters and a correction that reorders what a reader sees', () => {
    const given = spec.given([registered()]);
    given.when(request({ field: 'e\u202Email', correction: 'x' })).thenThrows('INPUT.TEXT_INVALID', { field: 'field' });
    given
      .when(request({ field: 'lastName', correction: 'M\u2066üller\u2069' }))
      .thenThrows('INPUT.TEXT_INVALID', { field: 'correction' });
  });

  it('refuses an unknown evidence method', () => {
    spec
      .given([registered()])
      .when(object({ ...shown, method: 'telepathy' as never }))
      .thenThrows('EVIDENCE.METHOD_UNKNOWN', { field: 'evidence.method' });
  });

  it('records nothing for an objection already raised, evidence or not', () => {
    spec
      .given([
        registered(),
        {
          type: 'ObjectionRaised',
          data: { subjectId: SUBJECT_ID, scope: { kind: 'direct_marketing' }, raisedAt: NOW },
        },
      ])
      .when(object(shown))
      .thenNothing();
  });
});

function foldRegistered() {
  return subjectDecider.evolve(subjectDecider.initialState(), registered());
}
