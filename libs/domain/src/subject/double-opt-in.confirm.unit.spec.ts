import { deciderSpec } from '#testing';
import type { ConfirmDoubleOptIn, ExpireDoubleOptIn } from './double-opt-in.commands';
import {
  EARLIER,
  LATER,
  NOW,
  SUBJECT_ID,
  TOKEN_HASH,
  context,
  doiRequested,
  granted,
  newsletter,
  registered,
} from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);
const AFTER_EXPIRY = '2025-03-09T00:00:00.000Z';

const confirm = (tokenHash = TOKEN_HASH, now = NOW): ConfirmDoubleOptIn => ({
  type: 'ConfirmDoubleOptIn',
  data: { tokenHash, ipAddress: '198.51.100.4', userAgent: 'Mail client' },
  metadata: { ...context, now, topic: newsletter },
});
const confirmed = {
  type: 'DoubleOptInConfirmed' as const,
  data: {
    subjectId: SUBJECT_ID,
    requestId: 'doi-1',
    ipAddress: '198.51.100.4',
    userAgent: 'Mail client',
    confirmedAt: NOW,
  },
};
const expire = (now: string): ExpireDoubleOptIn => ({
  type: 'ExpireDoubleOptIn',
  data: { requestId: 'doi-1' },
  metadata: { ...context, now },
});
const expired = {
  type: 'DoubleOptInExpired' as const,
  data: { subjectId: SUBJECT_ID, requestId: 'doi-1', expiredAt: LATER },
};

describe('ConfirmDoubleOptIn', () => {
  it('records the confirmation and grants under the request text version with method double_opt_in', () => {
    const evidence = {
      method: 'double_opt_in' as const,
      capturedAt: NOW,
      sourceSystem: 'shop',
      formId: 'signup-footer',
      textVersion: 2,
      textHash: '2'.repeat(64),
      ipAddress: '198.51.100.4',
      userAgent: 'Mail client',
      affirmativeAction: true as const,
      doubleOptInRequestId: 'doi-1',
    };
    spec
      .given([registered(), doiRequested()])
      .when(confirm())
      .then([confirmed, granted({ contactPointId: 'cp-mail', evidence, grantedAt: NOW })]);
  });

  it('refuses an unknown token', () => {
    spec
      .given([registered(), doiRequested()])
      .when(confirm('0'.repeat(64)))
      .thenThrows('DOUBLE_OPT_IN.TOKEN_UNKNOWN', { kind: 'not_found', field: 'tokenHash' });
  });

  it('refuses a token past its expiry, recorded or not', () => {
    spec
      .given([registered(), doiRequested()])
      .when(confirm(TOKEN_HASH, AFTER_EXPIRY))
      .thenThrows('DOUBLE_OPT_IN.TOKEN_EXPIRED', { kind: 'conflict' });
    spec.given([registered(), doiRequested(), expired]).when(confirm()).thenThrows('DOUBLE_OPT_IN.TOKEN_EXPIRED');
  });

  it('refuses when the topic was retired in between', () => {
    const retired = { ...confirm(), metadata: { ...context, topic: { ...newsletter, status: 'retired' as const } } };
    spec.given([registered(), doiRequested()]).when(retired).thenThrows('TOPIC.RETIRED');
  });

  it('refuses a malformed token hash', () => {
    spec
      .given([registered(), doiRequested()])
      .when(confirm('token'))
      .thenThrows('DOUBLE_OPT_IN.TOKEN_HASH_INVALID', { kind: 'invalid' });
  });

  // A token is single-use: the "nothing changes" case of confirmation is a refusal, not a silent no-op.
  it('refuses a used token and so never grants twice', () => {
    spec
      .given([registered(), doiRequested(), confirmed, granted()])
      .when(confirm())
      .thenThrows('DOUBLE_OPT_IN.TOKEN_USED', { kind: 'conflict' });
  });
});

describe('ExpireDoubleOptIn', () => {
  it('records the expiry at the request own expiry once it has passed', () => {
    spec.given([registered(), doiRequested()]).when(expire(AFTER_EXPIRY)).then([expired]);
  });

  it('refuses an unknown request', () => {
    spec
      .given([registered()])
      .when(expire(AFTER_EXPIRY))
      .thenThrows('DOUBLE_OPT_IN.REQUEST_NOT_FOUND', { kind: 'not_found' });
  });

  it('records nothing before the expiry, after a confirmation, or twice', () => {
    spec.given([registered(), doiRequested()]).when(expire(EARLIER)).thenNothing();
    spec.given([registered(), doiRequested(), confirmed]).when(expire(AFTER_EXPIRY)).thenNothing();
    spec.given([registered(), doiRequested(), expired]).when(expire(AFTER_EXPIRY)).thenNothing();
  });
});
