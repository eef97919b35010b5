import { deciderSpec } from '#testing';
import type { RevokeConsent } from './consent.commands';
import { NOW, SUBJECT_ID, context, doiRequested, granted, registered, smsAdded } from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);

const revoke = (data: Partial<RevokeConsent['data']> = {}): RevokeConsent => ({
  type: 'RevokeConsent',
  data: { topicId: 'newsletter', channel: 'email', ...data },
  metadata: context,
});
const revoked = (channel: string, extra: Record<string, string> = {}) => ({
  type: 'ConsentRevoked' as const,
  data: { subjectId: SUBJECT_ID, topicId: 'newsletter', channel, ...extra, revokedAt: NOW },
});
const smsGranted = granted({ channel: 'sms', contactPointId: 'cp-sms' });

describe('RevokeConsent', () => {
  it('records the revocation without asking for a reason (Art. 7(3))', () => {
    spec
      .given([registered(), granted()])
      .when(revoke())
      .then([revoked('email')]);
  });

  it('keeps a reason the subject volunteers', () => {
    spec
      .given([registered(), granted()])
      .when(revoke({ reason: 'too many mails' }))
      .then([revoked('email', { reason: 'too many mails' })]);
  });

  it('revokes every channel and contact point of the topic when none is named', () => {
    spec
      .given([registered(), smsAdded(), granted(), smsGranted])
      .when(revoke({ channel: undefined }))
      .then([revoked('email'), revoked('sms', { contactPointId: 'cp-sms' })]);
  });

  it('refuses to revoke what was never granted', () => {
    spec.given([registered()]).when(revoke()).thenThrows('CONSENT.NOT_GRANTED', { kind: 'conflict', field: 'topicId' });
  });

  it('refuses to revoke a consent that is only pending double opt-in', () => {
    spec.given([registered(), doiRequested()]).when(revoke()).thenThrows('CONSENT.NOT_GRANTED');
  });

  it('refuses an unknown channel', () => {
    spec
      .given([registered(), granted()])
      .when(revoke({ channel: 'fax' }))
      .thenThrows('CHANNEL.UNKNOWN', { field: 'channel' });
  });

  it('revoking twice records nothing', () => {
    spec
      .given([registered(), granted(), revoked('email')])
      .when(revoke())
      .thenNothing();
  });
});
