import { eventTypeNames } from '../shared/event-type-names';
import { ACT_EVIDENCE_PERSONAL_PATHS } from './act-evidence';
import type { BlockEvent } from './block.events';
import type { ConsentEvent } from './consent.events';
import type { DoubleOptInEvent } from './double-opt-in.events';
import { dataSubjectRequestPersonalFields, type DataSubjectRequestEvent } from './dsr.events';
import { erasurePersonalFields, type ErasureEvent } from './erasure.events';
import { legalHoldPersonalFields, type LegalHoldEvent } from './legal-hold.events';
import type { ProfileEvent } from './profile.events';

/** Every event of a `subject-<uuid>` stream, its data-subject requests, legal holds and erasure included. */
export type SubjectEvent =
  | ProfileEvent
  | ConsentEvent
  | DoubleOptInEvent
  | BlockEvent
  | DataSubjectRequestEvent
  | LegalHoldEvent
  | ErasureEvent;

/**
 * The personal data paths of each event's `data` (names, addresses, ip addresses, user agents, free
 * text). They are encrypted under the subject's key on the way to the store, so destroying that key
 * erases them (Art. 17) while the rest of the history remains as proof. Adding an event type without
 * declaring its paths does not compile.
 */
export const subjectPersonalFields: { readonly [T in SubjectEvent['type']]: readonly string[] } = {
  SubjectRegistered: ['contactPoints[].address', 'profile.*'],
  ContactPointAdded: ['address'],
  ContactPointRectified: ['address'],
  ContactPointRemoved: [],
  ProfileRectified: ['changes.*'],
  ConsentGranted: ['evidence.ipAddress', 'evidence.userAgent'],
  ConsentRevoked: ['reason', ...ACT_EVIDENCE_PERSONAL_PATHS],
  ObjectionRaised: ['reason', ...ACT_EVIDENCE_PERSONAL_PATHS],
  DoubleOptInRequested: [],
  DoubleOptInConfirmed: ['ipAddress', 'userAgent'],
  DoubleOptInExpired: [],
  ContactBlockSet: ['reason', ...ACT_EVIDENCE_PERSONAL_PATHS],
  ContactBlockLifted: ['reason'],
  ...dataSubjectRequestPersonalFields,
  ...legalHoldPersonalFields,
  ...erasurePersonalFields,
};

/** `SubjectEventType.SubjectErased`: the names for event-store filters and untyped stored events. */
export const SubjectEventType = eventTypeNames(subjectPersonalFields);
