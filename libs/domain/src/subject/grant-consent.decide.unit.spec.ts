import { deciderSpec } from '#testing';
import type { GrantConsent } from './consent.commands';
import type { TopicView } from '../topic/topic.view';
import {
  EARLIER,
  LATER,
  NOW,
  context,
  evidence,
  granted,
  newsletter,
  newsletterV3,
  registered,
  smsAdded,
} from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);
const { textHash: _hash, ...evidenceInput } = evidence();

const grant = (data: Partial<GrantConsent['data']> = {}, topic: TopicView = newsletter): GrantConsent => ({
  type: 'GrantConsent',
  data: { topicId: 'newsletter', channel: 'email', evidence: evidenceInput, ...data },
  metadata: { ...context, topic },
});
const withEvidence = (changes: Record<string, unknown>) =>
  grant({ evidence: { ...evidenceInput, ...changes } as never });

describe('GrantConsent', () => {
  it('records the grant with its evidence, the text hash and the topic material version', () => {
    spec
      .given([registered()])
      .when(grant())
      .then([granted({ grantedAt: NOW })]);
  });

  it('records a grant narrowed to one contact point with an expiry', () => {
    spec
      .given([registered(), smsAdded()])
      .when(grant({ channel: 'sms', contactPointId: 'cp-sms', expiresAt: LATER }))
      .then([granted({ channel: 'sms', contactPointId: 'cp-sms', expiresAt: LATER, grantedAt: NOW })]);
  });

  it('records a new grant when the existing one is reconsent-required', () => {
    const v3 = { ...evidenceInput, textVersion: 3 };
    spec
      .given([registered(), granted()])
      .when(grant({ evidence: v3 }, newsletterV3))
      .then([granted({ evidence: { ...evidence(3, '3'.repeat(64)) }, topicMaterialVersion: 3, grantedAt: NOW })]);
  });

  it('records a new grant under a newer editorial text', () => {
    spec
      .given([registered(), granted({ evidence: evidence(1, '1'.repeat(64)) })])
      .when(grant())
      .then([granted({ grantedAt: NOW })]);
  });

  it.each([[false], [undefined]])(
    'refuses a pre-ticked or implicit grant (affirmativeAction %s)',
    (affirmativeAction) => {
      spec.given([registered()]).when(withEvidence({ affirmativeAction })).thenThrows('CONSENT.PRE_TICKED', {
        kind: 'invalid',
        field: 'evidence.affirmativeAction',
      });
    },
  );

  it('refuses evidence captured in the future', () => {
    spec
      .given([registered()])
      .when(withEvidence({ capturedAt: LATER }))
      .thenThrows('EVIDENCE.IN_FUTURE', { field: 'evidence.capturedAt' });
  });

  it.each([
    ['EVIDENCE.METHOD_UNKNOWN', 'evidence.method', { method: 'guess' }],
    ['EVIDENCE.CAPTURED_AT_INVALID', 'evidence.capturedAt', { capturedAt: 'yesterday' }],
    ['EVIDENCE.SOURCE_REQUIRED', 'evidence.sourceSystem', { sourceSystem: '' }],
    ['CONSENT.TEXT_VERSION_UNKNOWN', 'evidence.textVersion', { textVersion: 9 }],
  ])('refuses incomplete evidence: %s on %s', (code, field, changes) => {
    spec.given([registered()]).when(withEvidence(changes)).thenThrows(code, { kind: 'invalid', field });
  });

  it('refuses a text older than the current material version', () => {
    spec
      .given([registered()])
      .when(grant({}, newsletterV3))
      .thenThrows('CONSENT.TEXT_VERSION_OUTDATED', { kind: 'conflict', field: 'evidence.textVersion' });
  });

  it('refuses an unknown topic', () => {
    spec
      .given([registered()])
      .when({ ...grant(), metadata: context })
      .thenThrows('TOPIC.NOT_FOUND', { kind: 'not_found' });
  });

  it('refuses a retired topic', () => {
    spec
      .given([registered()])
      .when(grant({}, { ...newsletter, status: 'retired' }))
      .thenThrows('TOPIC.RETIRED', { kind: 'conflict' });
  });

  it('refuses a channel the topic does not allow', () => {
    spec
      .given([registered()])
      .when(grant({ channel: 'post' }))
      .thenThrows('TOPIC.CHANNEL_NOT_ALLOWED', { kind: 'invalid', field: 'channel' });
  });

  it('refuses an unknown channel', () => {
    spec
      .given([registered()])
      .when(grant({ channel: 'telegram' }))
      .thenThrows('CHANNEL.UNKNOWN', { field: 'channel' });
  });

  it('refuses a contact point of another subject', () => {
    spec
      .given([registered()])
      .when(grant({ contactPointId: 'cp-elsewhere' }))
      .thenThrows('CONTACT_POINT.NOT_FOUND');
  });

  it('refuses a contact point on another channel', () => {
    spec
      .given([registered(), smsAdded()])
      .when(grant({ contactPointId: 'cp-sms' }))
      .thenThrows('CONTACT_POINT.CHANNEL_MISMATCH', {
        field: 'contactPointId',
      });
  });

  it('refuses an expiry that has already passed', () => {
    spec
      .given([registered()])
      .when(grant({ expiresAt: EARLIER }))
      .thenThrows('CONSENT.EXPIRY_INVALID', { field: 'expiresAt' });
  });

  it('refuses a grant for an unknown subject', () => {
    spec.given([]).when(grant()).thenThrows('SUBJECT.NOT_FOUND', { kind: 'not_found' });
  });

  it('granting again under the same text records nothing', () => {
    spec.given([registered(), granted()]).when(grant()).thenNothing();
  });
});
