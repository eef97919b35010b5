import { subjectEvent, CIPHER_MAIL, MAIL_INDEX, T0, T1, LATER } from './projection.fixtures';

/** Subject events in stored form (personal fields as ciphertext), for read-model specs. */
export const registered = () =>
  subjectEvent(
    'SubjectRegistered',
    {
      locale: 'de-DE',
      contactPoints: [{ contactPointId: 'cp-mail', channel: 'email', address: CIPHER_MAIL }],
      profile: { firstName: 'enc:v1:k1:iv:anna' },
      registeredAt: T0,
    },
    { 'cp-mail': MAIL_INDEX },
  );

export const evidence = (textVersion = 1) => ({
  method: 'checkbox',
  capturedAt: T0,
  sourceSystem: 'shop',
  formId: 'footer',
  textVersion,
  textHash: '1'.repeat(64),
  ipAddress: 'enc:v1:k1:iv:ip',
  userAgent: 'enc:v1:k1:iv:ua',
  affirmativeAction: true,
});

export const granted = (overrides: Record<string, unknown> = {}) =>
  subjectEvent('ConsentGranted', {
    topicId: 'newsletter',
    channel: 'email',
    evidence: evidence(),
    topicMaterialVersion: 1,
    grantedAt: T1,
    ...overrides,
  });

export const revoked = (overrides: Record<string, unknown> = {}) =>
  subjectEvent('ConsentRevoked', { topicId: 'newsletter', channel: 'email', revokedAt: T1, ...overrides });

export const doiRequested = (overrides: Record<string, unknown> = {}) =>
  subjectEvent('DoubleOptInRequested', {
    requestId: 'doi-1',
    topicId: 'newsletter',
    channel: 'email',
    contactPointId: 'cp-mail',
    tokenHash: 'f'.repeat(64),
    textVersion: 1,
    sourceSystem: 'shop',
    expiresAt: LATER,
    requestedAt: T1,
    ...overrides,
  });

export const blockSet = (scope: Record<string, unknown>, blockId = 'b-1') =>
  subjectEvent('ContactBlockSet', {
    blockId,
    scope,
    reason: 'enc:v1:k1:iv:reason',
    reference: { kind: 'communication', id: 'call-1' },
    setAt: T1,
  });

export const objection = (scope: Record<string, unknown>) => subjectEvent('ObjectionRaised', { scope, raisedAt: T1 });
