import type { Channel } from '../shared/channel';
import type { Event } from '../shared/message';
import type { ExternalId } from './external-id';

/** A subject's address on one channel: an e-mail address, a phone number, a postal address. */
export type ContactPointData = { contactPointId: string; channel: Channel; address: string };

/** Profile fields by name; only names the profile schema or a topic allows (Art. 5(1)(c)). */
export type Profile = Record<string, string>;

export type SubjectRegistered = Event<
  'SubjectRegistered',
  {
    subjectId: string;
    locale: string;
    contactPoints: ContactPointData[];
    profile: Profile;
    /** Absent when none were given (and in events recorded before identity linking). */
    externalIds?: ExternalId[];
    registeredAt: string;
  }
>;

export type ContactPointAdded = Event<'ContactPointAdded', { subjectId: string; addedAt: string } & ContactPointData>;

/** Art. 16: the address is corrected in place; the contact point keeps its id and channel. */
export type ContactPointRectified = Event<
  'ContactPointRectified',
  { subjectId: string; contactPointId: string; address: string; rectifiedAt: string }
>;

export type ContactPointRemoved = Event<
  'ContactPointRemoved',
  { subjectId: string; contactPointId: string; removedAt: string }
>;

/** Art. 16: only the changed fields; null removes a field. */
export type ProfileRectified = Event<
  'ProfileRectified',
  { subjectId: string; changes: Record<string, string | null>; rectifiedAt: string }
>;

export type ProfileEvent =
  | SubjectRegistered
  | ContactPointAdded
  | ContactPointRectified
  | ContactPointRemoved
  | ProfileRectified;
