import { deciderSpec } from '#testing';
import type { RequestDoubleOptIn } from './double-opt-in.commands';
import {
  EARLIER,
  LATER,
  NOW,
  TOKEN_HASH,
  context,
  doiRequested,
  newsletter,
  newsletterV3,
  registered,
  smsAdded,
} from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);

const { subjectId: _s, requestedAt: _r, ...requestData } = doiRequested().data;
const request = (data: Partial<RequestDoubleOptIn['data']> = {}, topic = newsletter): RequestDoubleOptIn => ({
  type: 'RequestDoubleOptIn',
  data: { ...requestData, ...data },
  metadata: { ...context, topic },
});

describe('RequestDoubleOptIn', () => {
  it('records the request with only the token hash', () => {
    spec
      .given([registered()])
      .when(request())
      .then([doiRequested({ requestedAt: NOW })]);
  });

  it.each([
    ['DOUBLE_OPT_IN.TOKEN_HASH_INVALID', 'tokenHash', { tokenHash: 'plain-token' }],
    ['DOUBLE_OPT_IN.EXPIRY_INVALID', 'expiresAt', { expiresAt: EARLIER }],
    ['INPUT.ID_INVALID', 'requestId', { requestId: '' }],
    ['CONSENT.TEXT_VERSION_UNKNOWN', 'textVersion', { textVersion: 7 }],
    ['TOPIC.CHANNEL_NOT_ALLOWED', 'channel', { channel: 'post' }],
    ['EVIDENCE.SOURCE_REQUIRED', 'sourceSystem', { sourceSystem: ' ' }],
  ])('refuses invalid request data: %s on %s', (code, field, data) => {
    spec.given([registered()]).when(request(data)).thenThrows(code, { kind: 'invalid', field });
  });

  it('refuses a contact point on another channel', () => {
    spec
      .given([registered(), smsAdded()])
      .when(request({ contactPointId: 'cp-sms' }))
      .thenThrows('CONTACT_POINT.CHANNEL_MISMATCH');
  });

  it('refuses an outdated text version', () => {
    spec.given([registered()]).when(request({}, newsletterV3)).thenThrows('CONSENT.TEXT_VERSION_OUTDATED');
  });

  it('refuses a second request under the same id with another token', () => {
    spec
      .given([registered(), doiRequested()])
      .when(request({ tokenHash: 'e'.repeat(64) }))
      .thenThrows('DOUBLE_OPT_IN.REQUEST_EXISTS', {
        kind: 'conflict',
        field: 'requestId',
      });
  });

  it('refuses to issue a token hash twice', () => {
    spec
      .given([registered(), doiRequested()])
      .when(request({ requestId: 'doi-2', expiresAt: LATER }))
      .thenThrows('DOUBLE_OPT_IN.REQUEST_EXISTS', {
        field: 'tokenHash',
      });
  });

  it('repeating the same request records nothing', () => {
    spec
      .given([registered(), doiRequested()])
      .when(request({ tokenHash: TOKEN_HASH }))
      .thenNothing();
  });
});
