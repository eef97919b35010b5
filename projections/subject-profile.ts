import { isSubjectStream, SUBJECT_STREAM_PREFIX, SubjectEventType, subjectIdOf } from '#domain';
import type {
  BlockEvent,
  ConsentEvent,
  DoubleOptInEvent,
  ExternalIdEvent,
  ProfileEvent,
  SubjectEvent,
  SubjectRegistered,
} from '#domain';
import type { IndexSpec } from '#read-store';
import { applyBlockEvent, eraseProfile } from './subject-profile.apply-block';
import { applyConsentEvent, applyDoubleOptInEvent } from './subject-profile.apply-consent';
import { applyExternalIdEvent } from './subject-profile.apply-external-id';
import { applyProfileEvent, registeredProfile } from './subject-profile.apply-profile';
import { applyHoldEvent } from './subject-profile.apply-hold';
import type { ProfileBase, SubjectProfileDocument } from './subject-profile.document';
import { CONTACTABILITY_ROWS, contactabilityRow } from './contactability.row';
import { withDerivedKeys } from './subject-profile.keys';
import type { DocumentKey, ProjectedEvent, ReadModel } from './read-model';

export const SUBJECT_PROFILES = 'subject_profiles';

/** The time each event happened, from its own data: a replay never reads a clock. */
const TIME_FIELD: Readonly<Record<string, string>> = {
  SubjectRegistered: 'registeredAt',
  ContactPointAdded: 'addedAt',
  ContactPointRectified: 'rectifiedAt',
  ContactPointRemoved: 'removedAt',
  ProfileRectified: 'rectifiedAt',
  ExternalIdLinked: 'linkedAt',
  ExternalIdUnlinked: 'unlinkedAt',
  ConsentGranted: 'grantedAt',
  ConsentRevoked: 'revokedAt',
  ObjectionRaised: 'raisedAt',
  DoubleOptInRequested: 'requestedAt',
  DoubleOptInConfirmed: 'confirmedAt',
  DoubleOptInExpired: 'expiredAt',
  ContactBlockSet: 'setAt',
  ContactBlockLifted: 'liftedAt',
  SubjectErased: 'erasedAt',
  LegalHoldPlaced: 'placedAt',
  LegalHoldReleased: 'releasedAt',
  ErasureDeferred: 'deferredAt',
} satisfies Partial<Record<SubjectEvent['type'], string>> & Record<string, string>;

export const subjectProfileIndexes: readonly IndexSpec[] = [
  { collection: SUBJECT_PROFILES, fields: ['lookupKeys'] },
  { collection: SUBJECT_PROFILES, fields: ['channels'] },
  { collection: SUBJECT_PROFILES, fields: ['consentKeys'] },
];

/** Per data subject: contact points, profile (ciphertext), consent matrix with proof, objections, blocks. */
export const subjectProfileModel: ReadModel<SubjectProfileDocument> = {
  name: 'subject-profile',
  // 2: identity links (external ids) and their lookup keys; 3: legal holds and a deferred erasure;
  // 4: the contactability rows.
  version: 4,
  collections: [SUBJECT_PROFILES, CONTACTABILITY_ROWS],
  indexes: subjectProfileIndexes,
  filter: { streamPrefixes: [SUBJECT_STREAM_PREFIX] },
  keysOf: (event) =>
    isSubjectStream(event.stream) ? [{ collection: SUBJECT_PROFILES, id: subjectIdOf(event.stream) }] : [],
  apply: applySubjectEvent,
  derived: [{ collection: CONTACTABILITY_ROWS, from: SUBJECT_PROFILES, derive: contactabilityRow }],
};

export function applySubjectEvent(
  doc: SubjectProfileDocument | undefined,
  event: ProjectedEvent,
  _key?: DocumentKey,
): SubjectProfileDocument | undefined {
  if (event.type === SubjectEventType.SubjectRegistered) {
    return doc ?? withDerivedKeys(registeredProfile(event as unknown as SubjectRegistered, event));
  }
  if (doc === undefined) return undefined;
  const next = applyToBase(doc, event);
  if (next === doc) return doc;
  return withDerivedKeys({ ...next, updatedAt: eventTime(event) ?? doc.updatedAt });
}

function applyToBase(doc: ProfileBase, event: ProjectedEvent): ProfileBase {
  if (event.type === SubjectEventType.SubjectErased) return doc.erased ? doc : eraseProfile(doc, event.id);
  const domainEvent = { type: event.type, data: event.data } as unknown as SubjectEvent;
  switch (domainEvent.type) {
    case 'SubjectRegistered':
      return doc;
    case 'ContactPointAdded':
    case 'ContactPointRectified':
    case 'ContactPointRemoved':
    case 'ProfileRectified':
      return applyProfileEvent(doc, domainEvent as Exclude<ProfileEvent, SubjectRegistered>, event);
    case 'ExternalIdLinked':
    case 'ExternalIdUnlinked':
      return applyExternalIdEvent(doc, domainEvent as ExternalIdEvent, event);
    case 'ConsentGranted':
    case 'ConsentRevoked':
    case 'ObjectionRaised':
      return applyConsentEvent(doc, domainEvent as ConsentEvent, event.id);
    case 'DoubleOptInRequested':
    case 'DoubleOptInConfirmed':
    case 'DoubleOptInExpired':
      return applyDoubleOptInEvent(doc, domainEvent as DoubleOptInEvent, event.id);
    case 'ContactBlockSet':
    case 'ContactBlockLifted':
      return applyBlockEvent(doc, domainEvent as BlockEvent, event.id);
    case 'LegalHoldPlaced':
    case 'LegalHoldReleased':
    case 'ErasureDeferred':
      return applyHoldEvent(doc, domainEvent, event.id);
    default:
      // Event types this model does not know (e.g. data-subject requests) leave it unchanged.
      return doc;
  }
}

function eventTime(event: ProjectedEvent): string | undefined {
  const field = TIME_FIELD[event.type];
  const value = field === undefined ? undefined : event.data[field];
  return typeof value === 'string' ? value : undefined;
}
