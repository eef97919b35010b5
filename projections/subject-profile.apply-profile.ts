import type { ProfileEvent, SubjectRegistered } from '#domain';
import type { ProfileBase, ProfileContactPoint } from './subject-profile.document';
import type { ProjectedEvent } from './read-model';
import { linkedExternalId } from './subject-profile.apply-external-id';

type Lookup = ProjectedEvent['derived']['blindIndexes'];

export function registeredProfile({ data }: SubjectRegistered, event: ProjectedEvent): ProfileBase {
  const lookup = event.derived.blindIndexes;
  return {
    subjectId: data.subjectId,
    locale: data.locale,
    registeredAt: data.registeredAt,
    updatedAt: data.registeredAt,
    contactPoints: data.contactPoints.map((point) => activePoint(point, lookup, event.id)),
    profile: { ...data.profile },
    externalIds: (data.externalIds ?? []).map((link) =>
      linkedExternalId(link, event.derived.externalIdIndexes, event.id),
    ),
    consents: [],
    objections: [],
    blocks: [],
    doubleOptIns: [],
    legalHolds: [],
  };
}

export function applyProfileEvent(
  doc: ProfileBase,
  event: Exclude<ProfileEvent, SubjectRegistered>,
  recorded: ProjectedEvent,
): ProfileBase {
  switch (event.type) {
    case 'ContactPointAdded':
      return withPoint(doc, activePoint(event.data, recorded.derived.blindIndexes, recorded.id));
    case 'ContactPointRectified': {
      const point = findPoint(doc, event.data.contactPointId);
      if (point?.status !== 'active') return doc;
      return withPoint(
        doc,
        activePoint({ ...point, address: event.data.address }, recorded.derived.blindIndexes, recorded.id),
      );
    }
    case 'ContactPointRemoved': {
      const point = findPoint(doc, event.data.contactPointId);
      if (point === undefined) return doc;
      const { contactPointId, channel } = point;
      return withPoint(doc, { status: 'removed', contactPointId, channel, eventId: recorded.id });
    }
    case 'ProfileRectified':
      return { ...doc, profile: applyChanges(doc.profile, event.data.changes) };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function activePoint(
  point: { contactPointId: string; channel: string; address: string },
  lookup: Lookup,
  eventId: string,
): ProfileContactPoint {
  const { contactPointId, channel, address } = point;
  const lookupKey = lookup?.[contactPointId];
  return {
    status: 'active',
    contactPointId,
    channel,
    address,
    ...(lookupKey === undefined ? {} : { lookupKey }),
    eventId,
  };
}

export function findPoint(
  doc: Pick<ProfileBase, 'contactPoints'>,
  contactPointId: string,
): ProfileContactPoint | undefined {
  return doc.contactPoints.find((point) => point.contactPointId === contactPointId);
}

/** Replaces the point in place (order stays that of first appearance) or appends it. */
function withPoint(doc: ProfileBase, point: ProfileContactPoint): ProfileBase {
  const exists = doc.contactPoints.some((p) => p.contactPointId === point.contactPointId);
  const contactPoints = exists
    ? doc.contactPoints.map((p) => (p.contactPointId === point.contactPointId ? point : p))
    : [...doc.contactPoints, point];
  return { ...doc, contactPoints };
}

/** Art. 16: only the changed fields arrive; null removes a field. */
function applyChanges(profile: Record<string, string>, changes: Record<string, string | null>): Record<string, string> {
  const next = { ...profile };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next;
}
