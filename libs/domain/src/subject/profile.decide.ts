import { refuse } from '../shared/error-codes';
import { isUuid } from '../shared/ids';
import { sameJson } from '../shared/text';
import type { RectifyProfile, RegisterSubject } from './profile.commands';
import type { SubjectEvent } from './subject.events';
import { validExternalIds } from './external-id';
import { requireRegistered } from './subject.guards';
import type { SubjectState } from './subject.state';
import { requireAllowedFields, validContactPoint, validProfile } from './profile.validate';

const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function registerSubject({ data, metadata }: RegisterSubject, state: SubjectState): SubjectEvent[] {
  if (!isUuid(data.subjectId)) refuse('SUBJECT.ID_INVALID', 'subjectId must be a UUID', 'subjectId');
  if (typeof data.locale !== 'string' || !LOCALE.test(data.locale)) {
    refuse('SUBJECT.LOCALE_INVALID', 'locale must be a language tag such as "de-DE"', 'locale');
  }
  const externalIds = validExternalIds(data.externalIds);
  const registered = {
    subjectId: data.subjectId,
    locale: data.locale,
    contactPoints: validContactPoints(data.contactPoints, metadata.channels),
    profile: validProfile(data.profile, metadata.allowedProfileFields, metadata.now),
    ...(externalIds.length > 0 ? { externalIds } : {}),
  };
  if (state.status === 'erased')
    return refuse('SUBJECT.ERASED', `subject ${data.subjectId} was erased; its id is not reused`, 'subjectId');
  if (state.status === 'not_registered') {
    return [{ type: 'SubjectRegistered', data: { ...registered, registeredAt: metadata.now } }];
  }
  // A retried registration is no change; a different one would overwrite what the subject told us.
  if (sameJson(registeredAs(state), registered)) return [];
  return refuse('SUBJECT.ALREADY_REGISTERED', `subject ${data.subjectId} is already registered`, 'subjectId');
}

function validContactPoints(points: RegisterSubject['data']['contactPoints'], channels: readonly string[]) {
  const valid = (Array.isArray(points) ? points : []).map((point, i) =>
    validContactPoint(point, channels, `contactPoints[${i}].`),
  );
  const ids = valid.map((point) => point.contactPointId);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined)
    refuse('CONTACT_POINT.ALREADY_EXISTS', `contact point ${duplicate} is listed twice`, 'contactPoints');
  return valid;
}

function registeredAs(state: Extract<SubjectState, { status: 'registered' }>) {
  const contactPoints = Object.values(state.contactPoints).flatMap((point) =>
    point.status === 'active'
      ? [{ contactPointId: point.contactPointId, channel: point.channel, address: point.address }]
      : [],
  );
  const { externalIds } = state;
  return {
    subjectId: state.subjectId,
    locale: state.locale,
    contactPoints,
    profile: state.profile,
    ...(externalIds.length > 0 ? { externalIds } : {}),
  };
}

/** Art. 16: rectification of the fields that changed; other fields are refused (Art. 5(1)(c)). */
export function rectifyProfile({ data, metadata }: RectifyProfile, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  requireAllowedFields(data.changes, metadata.allowedProfileFields, 'changes', metadata.now);
  const changes = Object.fromEntries(
    Object.entries(data.changes).filter(([field, value]) => (subject.profile[field] ?? null) !== value),
  );
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'ProfileRectified', data: { subjectId: subject.subjectId, changes, rectifiedAt: metadata.now } }];
}
