import type { Command } from '../shared/message';
import type { ExternalId } from './external-id';
import type { ContactPointData, Profile } from './profile.events';
import type { ProfileContext, SubjectContext } from './subject.context';

export type RegisterSubject = Command<
  'RegisterSubject',
  {
    subjectId: string;
    locale: string;
    contactPoints: ContactPointData[];
    profile?: Profile;
    externalIds?: ExternalId[];
  },
  ProfileContext
>;

export type AddContactPoint = Command<'AddContactPoint', ContactPointData, SubjectContext>;

export type RectifyContactPoint = Command<
  'RectifyContactPoint',
  { contactPointId: string; address: string },
  SubjectContext
>;

export type RemoveContactPoint = Command<'RemoveContactPoint', { contactPointId: string }, SubjectContext>;

/** `null` removes a field. */
export type RectifyProfile = Command<'RectifyProfile', { changes: Record<string, string | null> }, ProfileContext>;

export type ProfileCommand =
  | RegisterSubject
  | AddContactPoint
  | RectifyContactPoint
  | RemoveContactPoint
  | RectifyProfile;
