import { DEFAULT_CHANNELS } from '../shared/channel';
import type { TopicView } from '../topic/topic.view';
import type { ConsentEvidence, ConsentGranted } from './consent.events';
import type { DoubleOptInRequested } from './double-opt-in.events';
import type { ContactPointAdded, SubjectRegistered } from './profile.events';
import type { SubjectContext } from './subject.context';

/** Shared test data for subject specs (never imported by production code). */
export const SUBJECT_ID = '6f1c2b8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b';
export const NOW = '2025-03-01T10:00:00.000Z';
export const EARLIER = '2025-02-28T09:00:00.000Z';
export const LATER = '2025-03-08T10:00:00.000Z';
export const HASH_V1 = '1'.repeat(64);
export const HASH_V2 = '2'.repeat(64);
export const TOKEN_HASH = 'f'.repeat(64);

export const context: SubjectContext = { now: NOW, channels: DEFAULT_CHANNELS };

/** Newsletter with a material v1 and an editorial v2: both may be granted under. */
export const newsletter: TopicView = {
  id: 'newsletter',
  title: 'Newsletter',
  allowedChannels: ['email', 'sms'],
  legalBasis: 'consent',
  personalFields: ['firstName'],
  retentionDays: 730,
  profiling: false,
  offeredToChildren: false,
  status: 'active',
  currentVersion: 2,
  currentMaterialVersion: 1,
  versions: [
    { version: 1, textHash: HASH_V1, language: 'de', change: 'material', publishedAt: EARLIER },
    { version: 2, textHash: HASH_V2, language: 'de', change: 'editorial', publishedAt: EARLIER },
  ],
};

/** The same topic after a material v3: consents under v1 or v2 need reconsent. */
export const newsletterV3: TopicView = {
  ...newsletter,
  currentVersion: 3,
  currentMaterialVersion: 3,
  versions: [
    ...newsletter.versions,
    { version: 3, textHash: '3'.repeat(64), language: 'de', change: 'material', publishedAt: NOW },
  ],
};

export const registered = (): SubjectRegistered => ({
  type: 'SubjectRegistered',
  data: {
    subjectId: SUBJECT_ID,
    locale: 'de-DE',
    contactPoints: [{ contactPointId: 'cp-mail', channel: 'email', address: 'anna@example.org' }],
    profile: { firstName: 'Anna' },
    registeredAt: EARLIER,
  },
});

export const smsAdded = (): ContactPointAdded => ({
  type: 'ContactPointAdded',
  data: {
    subjectId: SUBJECT_ID,
    contactPointId: 'cp-sms',
    channel: 'sms',
    address: '+49 151 2345678',
    addedAt: EARLIER,
  },
});

export const evidence = (textVersion = 2, textHash = HASH_V2): ConsentEvidence => ({
  method: 'checkbox',
  capturedAt: EARLIER,
  sourceSystem: 'shop',
  formId: 'signup-footer',
  textVersion,
  textHash,
  ipAddress: '203.0.113.7',
  userAgent: 'Mozilla/5.0',
  affirmativeAction: true,
});

export const granted = (overrides: Partial<ConsentGranted['data']> = {}): ConsentGranted => ({
  type: 'ConsentGranted',
  data: {
    subjectId: SUBJECT_ID,
    topicId: 'newsletter',
    channel: 'email',
    evidence: evidence(),
    topicMaterialVersion: 1,
    grantedAt: EARLIER,
    ...overrides,
  },
});

export const doiRequested = (overrides: Partial<DoubleOptInRequested['data']> = {}): DoubleOptInRequested => ({
  type: 'DoubleOptInRequested',
  data: {
    subjectId: SUBJECT_ID,
    requestId: 'doi-1',
    topicId: 'newsletter',
    channel: 'email',
    contactPointId: 'cp-mail',
    tokenHash: TOKEN_HASH,
    textVersion: 2,
    sourceSystem: 'shop',
    formId: 'signup-footer',
    expiresAt: LATER,
    requestedAt: EARLIER,
    ...overrides,
  },
});
