import { refuse } from '../shared/error-codes';
import type { AddContactPoint, RectifyContactPoint, RemoveContactPoint } from './profile.commands';
import { requireAddress, validContactPoint } from './profile.validate';
import type { SubjectEvent } from './subject.events';
import { requireActiveContactPoint, requireRegistered } from './subject.guards';
import type { SubjectState } from './subject.state';

export function addContactPoint({ data, metadata }: AddContactPoint, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const point = validContactPoint(data, metadata.channels);
  const existing = subject.contactPoints[point.contactPointId];
  if (existing === undefined) {
    return [{ type: 'ContactPointAdded', data: { subjectId: subject.subjectId, ...point, addedAt: metadata.now } }];
  }
  if (existing.status === 'active' && existing.channel === point.channel && existing.address === point.address)
    return [];
  // Ids are never reused: consents and blocks point at them.
  return refuse(
    'CONTACT_POINT.ALREADY_EXISTS',
    `contact point ${point.contactPointId} already exists`,
    'contactPointId',
  );
}

export function rectifyContactPoint({ data, metadata }: RectifyContactPoint, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const point = requireActiveContactPoint(subject, data.contactPointId);
  const address = requireAddress(point.channel, data.address);
  if (address === point.address) return [];
  const { contactPointId } = point;
  return [
    {
      type: 'ContactPointRectified',
      data: { subjectId: subject.subjectId, contactPointId, address, rectifiedAt: metadata.now },
    },
  ];
}

export function removeContactPoint({ data, metadata }: RemoveContactPoint, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  if (subject.contactPoints[data.contactPointId]?.status === 'removed') return [];
  const { contactPointId } = requireActiveContactPoint(subject, data.contactPointId);
  return [
    { type: 'ContactPointRemoved', data: { subjectId: subject.subjectId, contactPointId, removedAt: metadata.now } },
  ];
}
