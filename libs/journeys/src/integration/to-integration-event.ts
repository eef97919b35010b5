import { CHECKPOINT_EVENT_TYPE } from '#audit';
import { toAnchorRecord } from '#application';
import { compact } from './compact';
import type { IntegrationEvent } from './integration-event';

/** What the mapping reads of a stored event: no decryption is needed, personal fields are never used. */
export interface SourceEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  position: number;
  /** Read for checkpoints only (their export line names their place in `audit-anchors`). */
  revision?: number;
  metadata?: Record<string, unknown>;
}

type Mapped = Omit<IntegrationEvent, 'id' | 'position' | 'subjectId'>;
type Mapper = (data: Record<string, any>) => Mapped;

/**
 * Domain event type -> integration event. Only changes that decide whether a person may be
 * contacted, or that connected systems must act on (Art. 17(2): tell recipients about an erasure),
 * are published. Registration, profile and contact-point events carry personal data; data-subject
 * requests, legal holds and exports are internal to the controller; a double opt-in's confirmation
 * and expiry change nothing outside (the grant follows as its own event; an expired request was
 * never a consent). Those map to nothing.
 */
const MAPPERS: Readonly<Record<string, Mapper>> = {
  DoubleOptInRequested: (d) => ({
    type: 'consent.changed.v1',
    topicId: d.topicId,
    channel: d.channel,
    contactPointId: d.contactPointId,
    newState: 'pending-double-opt-in',
    time: d.requestedAt,
  }),
  ConsentGranted: (d) => ({
    type: 'consent.changed.v1',
    topicId: d.topicId,
    channel: d.channel,
    contactPointId: d.contactPointId,
    newState: 'granted',
    reason: d.evidence?.method,
    time: d.grantedAt,
  }),
  // The revocation's reason is the subject's free text (personal): only the code travels.
  ConsentRevoked: (d) => ({
    type: 'consent.changed.v1',
    topicId: d.topicId,
    channel: d.channel,
    contactPointId: d.contactPointId,
    newState: 'revoked',
    reason: 'withdrawn',
    time: d.revokedAt,
  }),
  ObjectionRaised: (d) => ({
    type: 'objection.raised.v1',
    ...scopeFields(d.scope),
    newState: 'objected',
    time: d.raisedAt,
  }),
  ContactBlockSet: (d) => ({
    type: 'contact-block.changed.v1',
    ...scopeFields(d.scope),
    blockId: d.blockId,
    newState: 'blocked',
    time: d.setAt,
  }),
  ContactBlockLifted: (d) => ({
    type: 'contact-block.changed.v1',
    blockId: d.blockId,
    newState: 'lifted',
    time: d.liftedAt,
  }),
  ErasureRequested: (d) => ({
    type: 'subject.erasure-requested.v1',
    newState: 'erasure-requested',
    reason: d.cause,
    time: d.requestedAt,
  }),
  // Art. 17(2): the instruction to connected systems to erase their copies of this subject.
  SubjectErased: (d) => ({ type: 'subject.erased.v1', newState: 'erased', reason: d.cause, time: d.erasedAt }),
};

/** The domain event types that can yield an integration event (for subscription filters). */
export const PUBLISHED_DOMAIN_TYPES: readonly string[] = [...Object.keys(MAPPERS), CHECKPOINT_EVENT_TYPE];

function scopeFields(
  scope: Record<string, string> | undefined,
): Pick<IntegrationEvent, 'scope' | 'topicId' | 'channel' | 'contactPointId'> {
  if (scope === undefined) return {};
  return { scope: scope.kind, topicId: scope.topicId, channel: scope.channel, contactPointId: scope.contactPointId };
}

/** Pure: the same stored event always yields the same integration event (or none). */
export function toIntegrationEvent(event: SourceEvent): IntegrationEvent | undefined {
  if (event.type === CHECKPOINT_EVENT_TYPE) return checkpointEvent(event);
  const mapper = MAPPERS[event.type];
  const subjectId = event.data.subjectId;
  if (mapper === undefined || typeof subjectId !== 'string') return undefined;
  const mapped = mapper(event.data);
  return compact({ id: event.id, subjectId, ...mapped, position: event.position }) as IntegrationEvent;
}

/**
 * Every new checkpoint leaves the system as it is made: receivers hold copies the operator cannot
 * roll back with the log (issue #14). A checkpoint names no subject, topic or channel.
 */
function checkpointEvent(event: SourceEvent): IntegrationEvent | undefined {
  const anchor = toAnchorRecord({ ...event, revision: event.revision ?? -1, metadata: event.metadata ?? {} });
  if (!anchor) return undefined;
  return {
    id: event.id,
    type: 'audit.checkpoint.v1',
    newState: 'anchored',
    position: event.position,
    time: anchor.checkpoint.time,
    anchor,
  };
}
