import { deciderSpec } from '#testing';
import type { TopicView } from '../topic/topic.view';
import type { GrantConsent } from './consent.commands';
import type { ParentalAuthorisation } from './parental-authorisation';
import type { Profile } from './profile.events';
import { NOW, SUBJECT_ID, context, evidence, granted, newsletter, registered } from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);
const { textHash: _hash, ...evidenceInput } = evidence();
/** An information-society service offered directly to a child (Art. 8(1)). */
const kidsClub: TopicView = { ...newsletter, offeredToChildren: true };
const authorisation: ParentalAuthorisation = { method: 'signed_form', reference: 'case-2025-0042' };

const bornIn = (profile: Profile) => {
  const event = registered();
  return { ...event, data: { ...event.data, profile: { ...event.data.profile, ...profile } } };
};
const grant = (topic: TopicView = kidsClub, parentalAuthorisation?: unknown): GrantConsent => ({
  type: 'GrantConsent',
  data: {
    topicId: 'newsletter',
    channel: 'email',
    evidence: { ...evidenceInput, ...(parentalAuthorisation === undefined ? {} : { parentalAuthorisation }) } as never,
  },
  metadata: { ...context, topic },
});

describe('GrantConsent: Art. 8 child consent', () => {
  it('refuses a 12-year-old in Austria without the authorisation of a parent', () => {
    spec
      .given([bornIn({ dateOfBirth: '2012-06-01', country: 'AT' })])
      .when(grant())
      .thenThrows('CONSENT.PARENTAL_AUTHORISATION_REQUIRED', {
        kind: 'conflict',
        field: 'evidence.parentalAuthorisation',
      });
  });

  it('records the grant with the authorisation of the holder of parental responsibility', () => {
    spec
      .given([bornIn({ dateOfBirth: '2012-06-01', country: 'AT' })])
      .when(grant(kidsClub, authorisation))
      .then([granted({ evidence: { ...evidence(), parentalAuthorisation: authorisation }, grantedAt: NOW })]);
  });

  it('applies the member state age: 14 is old enough in Austria (14), not in Germany (default 16)', () => {
    spec
      .given([bornIn({ dateOfBirth: '2011-03-01', country: 'AT' })])
      .when(grant())
      .then([granted({ grantedAt: NOW })]);
    spec
      .given([bornIn({ dateOfBirth: '2011-03-02', country: 'AT' })])
      .when(grant())
      .thenThrows('CONSENT.PARENTAL_AUTHORISATION_REQUIRED');
    spec
      .given([bornIn({ dateOfBirth: '2011-03-01', country: 'DE' })])
      .when(grant())
      .thenThrows('CONSENT.PARENTAL_AUTHORISATION_REQUIRED');
  });

  it('judges an age band: one reaching below the age needs a parent, one above does not', () => {
    spec
      .given([bornIn({ ageBand: '13-15' })])
      .when(grant())
      .thenThrows('CONSENT.PARENTAL_AUTHORISATION_REQUIRED');
    spec
      .given([bornIn({ ageBand: '16-17' })])
      .when(grant())
      .then([granted({ grantedAt: NOW })]);
  });

  it('allows an unknown age, and a child on a topic not offered to children', () => {
    spec
      .given([registered()])
      .when(grant())
      .then([granted({ grantedAt: NOW })]);
    spec
      .given([bornIn({ dateOfBirth: '2012-06-01' })])
      .when(grant(newsletter))
      .then([granted({ grantedAt: NOW })]);
  });

  it.each([
    ['EVIDENCE.PARENTAL_METHOD_UNKNOWN', 'evidence.parentalAuthorisation.method', { reference: 'case-1' }],
    [
      'EVIDENCE.PARENTAL_METHOD_UNKNOWN',
      'evidence.parentalAuthorisation.method',
      { method: 'trust', reference: 'case-1' },
    ],
    ['EVIDENCE.PARENTAL_REFERENCE_REQUIRED', 'evidence.parentalAuthorisation.reference', { method: 'signed_form' }],
  ])('refuses an authorisation without its verification: %s on %s', (code, field, given) => {
    spec
      .given([bornIn({ dateOfBirth: '2012-06-01', country: 'AT' })])
      .when(grant(kidsClub, given))
      .thenThrows(code, { kind: 'invalid', field });
  });

  it('granting again with the authorisation records nothing', () => {
    const first = granted({ evidence: { ...evidence(), parentalAuthorisation: authorisation } });
    spec
      .given([bornIn({ dateOfBirth: '2012-06-01', country: 'AT' }), first])
      .when(grant(kidsClub, authorisation))
      .thenNothing();
  });
});

describe('RequestDoubleOptIn and ConfirmDoubleOptIn: Art. 8 child consent', () => {
  const request = {
    type: 'RequestDoubleOptIn' as const,
    data: {
      requestId: 'doi-1',
      topicId: 'newsletter',
      channel: 'email',
      contactPointId: 'cp-mail',
      tokenHash: 'f'.repeat(64),
      expiresAt: '2025-03-03T10:00:00.000Z',
      textVersion: 1,
      sourceSystem: 'shop',
    },
    metadata: { ...context, topic: kidsClub },
  };

  it('refuses a double opt-in for a child: it proves the address, not a parent', () => {
    spec
      .given([bornIn({ dateOfBirth: '2012-06-01', country: 'AT' })])
      .when(request)
      .thenThrows('CONSENT.PARENTAL_AUTHORISATION_REQUIRED', { field: 'topicId' });
  });

  it('refuses the confirmation when the age became known after the link was sent', () => {
    const requested = {
      type: 'DoubleOptInRequested' as const,
      data: { ...request.data, subjectId: SUBJECT_ID, requestedAt: NOW },
    };
    const rectified = {
      type: 'ProfileRectified' as const,
      data: { subjectId: SUBJECT_ID, changes: { dateOfBirth: '2012-06-01' }, rectifiedAt: NOW },
    };
    spec
      .given([registered(), requested, rectified])
      .when({
        type: 'ConfirmDoubleOptIn',
        data: { tokenHash: 'f'.repeat(64) },
        metadata: { ...context, topic: kidsClub },
      })
      .thenThrows('CONSENT.PARENTAL_AUTHORISATION_REQUIRED', { field: 'tokenHash' });
  });
});
