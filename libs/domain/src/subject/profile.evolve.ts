import type { ProfileEvent, SubjectRegistered } from './profile.events';
import { initialPrivacyState } from './privacy.state';
import type { ContactPoint, RegisteredSubject } from './subject.state';

export function registeredFrom({ data }: SubjectRegistered): RegisteredSubject {
  const contactPoints = Object.fromEntries(
    data.contactPoints.map((point): [string, ContactPoint] => [point.contactPointId, { status: 'active', ...point }]),
  );
  return {
    status: 'registered',
    subjectId: data.subjectId,
    locale: data.locale,
    contactPoints,
    profile: { ...data.profile },
    externalIds: [...(data.externalIds ?? [])],
    consents: {},
    doubleOptIns: {},
    objections: {},
    blocks: {},
    ...initialPrivacyState(),
  };
}

export function evolveProfile(
  state: RegisteredSubject,
  event: Exclude<ProfileEvent, SubjectRegistered>,
): RegisteredSubject {
  switch (event.type) {
    case 'ContactPointAdded': {
      const { contactPointId, channel, address } = event.data;
      return withContactPoint(state, { status: 'active', contactPointId, channel, address });
    }
    case 'ContactPointRectified': {
      const point = state.contactPoints[event.data.contactPointId];
      return point?.status === 'active' ? withContactPoint(state, { ...point, address: event.data.address }) : state;
    }
    case 'ContactPointRemoved': {
      const point = state.contactPoints[event.data.contactPointId];
      if (point === undefined) return state;
      return withContactPoint(state, {
        status: 'removed',
        contactPointId: point.contactPointId,
        channel: point.channel,
      });
    }
    case 'ProfileRectified':
      return { ...state, profile: applyChanges(state.profile, event.data.changes) };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function withContactPoint(state: RegisteredSubject, point: ContactPoint): RegisteredSubject {
  return { ...state, contactPoints: { ...state.contactPoints, [point.contactPointId]: point } };
}

function applyChanges(profile: Record<string, string>, changes: Record<string, string | null>): Record<string, string> {
  const next = { ...profile };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next;
}
