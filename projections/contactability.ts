import { effectiveConsentStatus, type Channel } from '#domain';
import { mergeReasons, reason, type Contactability, type ContactabilityReason } from './contactability.reasons';
import type { ContactabilityProfile, RowContactPoint } from './contactability.row';
import { findConsent } from './subject-profile.apply-consent';
import type { TopicReadView } from './topics';

type Profile = ContactabilityProfile;
type ActivePoint = RowContactPoint & { status: 'active' };

/**
 * May this subject be contacted about this topic on this channel (at this address), now? Pure: the
 * same function answers single checks, batches and audiences. Blocks and Art. 21 objections always
 * win; the topic's legal basis (Art. 6(1)) decides whether a current grant is needed. Without a
 * contact point the channel is allowed when at least one of its addresses is.
 */
export function decideContactability(
  profile: Profile,
  topic: TopicReadView,
  channel: Channel,
  contactPointId: string | undefined,
  now: string,
): Contactability {
  const subjectReasons = subjectLevel(profile, topic, channel);
  blocksAndObjections(subjectReasons, profile, topic.id, channel);
  const targets = targetPoints(profile, channel, contactPointId);
  if ('missing' in targets) return deny([...subjectReasons, targets.missing]);
  const perPoint = targets.points.map((point) => ({ point, reasons: pointLevel(profile, topic, point, now) }));
  const usable = subjectReasons.length === 0 ? perPoint.filter((p) => p.reasons.length === 0) : [];
  if (usable.length > 0)
    return { allowed: true, reasons: [], contactPointIds: usable.map((p) => p.point.contactPointId) };
  return deny([...subjectReasons, ...perPoint.flatMap((p) => p.reasons)]);
}

function deny(reasons: ContactabilityReason[]): Contactability {
  return { allowed: false, reasons: mergeReasons(reasons), contactPointIds: [] };
}

function subjectLevel(profile: Profile, topic: TopicReadView, channel: Channel): ContactabilityReason[] {
  const reasons: ContactabilityReason[] = [];
  // Art. 17: an erased subject is never contacted again, whatever else the log says.
  if (profile.erased) reasons.push(reason('SUBJECT.ERASED', profile.erasedEventId));
  if (topic.status === 'retired') reasons.push(reason('TOPIC.RETIRED', topic.proof.retired));
  if (!topic.allowedChannels.includes(channel)) reasons.push(reason('TOPIC.CHANNEL_NOT_ALLOWED', topic.proof.defined));
  return reasons;
}

/** Werbesperre and Art. 21(2)-(3): an objection to direct marketing takes effect at once. Adds to `reasons`. */
function blocksAndObjections(
  reasons: ContactabilityReason[],
  profile: Profile,
  topicId: string,
  channel: Channel,
): void {
  for (const { scope, eventId } of profile.blocks) {
    if (scope.kind === 'global') reasons.push(reason('BLOCK.GLOBAL', eventId));
    if (scope.kind === 'channel' && scope.channel === channel) reasons.push(reason('BLOCK.CHANNEL', eventId));
    if (scope.kind === 'topic' && scope.topicId === topicId) reasons.push(reason('BLOCK.TOPIC', eventId));
  }
  for (const { scope, eventId } of profile.objections) {
    if (scope.kind === 'direct_marketing') reasons.push(reason('OBJECTION.DIRECT_MARKETING', eventId));
    if (scope.kind === 'topic' && scope.topicId === topicId) reasons.push(reason('OBJECTION.TOPIC', eventId));
    if (scope.kind === 'channel' && scope.channel === channel) reasons.push(reason('OBJECTION.CHANNEL', eventId));
  }
}

function targetPoints(
  profile: Profile,
  channel: Channel,
  contactPointId: string | undefined,
): { points: ActivePoint[] } | { missing: ContactabilityReason } {
  if (contactPointId === undefined) {
    const points = profile.contactPoints.filter(
      (p): p is ActivePoint => p.status === 'active' && p.channel === channel,
    );
    return points.length > 0 ? { points } : { missing: reason('CONTACT_POINT.NONE_ON_CHANNEL') };
  }
  const point = profile.contactPoints.find((p) => p.contactPointId === contactPointId);
  if (point === undefined) return { missing: reason('CONTACT_POINT.UNKNOWN') };
  if (point.status === 'removed') return { missing: reason('CONTACT_POINT.REMOVED', point.eventId) };
  if (point.channel !== channel) return { missing: reason('CONTACT_POINT.CHANNEL_MISMATCH', point.eventId) };
  return { points: [point] };
}

function pointLevel(profile: Profile, topic: TopicReadView, point: ActivePoint, now: string): ContactabilityReason[] {
  const blocks = profile.blocks.filter(
    (b) => b.scope.kind === 'contact_point' && b.scope.contactPointId === point.contactPointId,
  );
  const reasons = blocks.map((b) => reason('BLOCK.CONTACT_POINT', b.eventId));
  // Art. 6(1)(b) and (f): contract and legitimate interest need no grant, only no block or objection.
  if (topic.legalBasis !== 'consent') return reasons;
  return [...reasons, ...consentReasons(profile, topic, point, now)];
}

/** Art. 6(1)(a), 7: a grant for this address, or else for the whole channel, current at `now`. */
function consentReasons(
  profile: Profile,
  topic: TopicReadView,
  point: ActivePoint,
  now: string,
): ContactabilityReason[] {
  const scope = { topicId: topic.id, channel: point.channel };
  const record =
    findConsent(profile, { ...scope, contactPointId: point.contactPointId }) ?? findConsent(profile, scope);
  const status = effectiveConsentStatus(record, topic, now);
  switch (status) {
    case 'granted':
      return [];
    case 'never-asked':
      return [reason('CONSENT.NEVER_ASKED')];
    case 'pending-double-opt-in':
      return [reason('CONSENT.DOUBLE_OPT_IN_PENDING', record?.eventId)];
    case 'revoked':
      return [reason('CONSENT.REVOKED', record?.eventId, record?.grantEventId)];
    case 'expired':
      return [reason('CONSENT.EXPIRED', record?.eventId)];
    case 'reconsent-required': {
      const material = topic.proof.versions.find((v) => v.version === topic.currentMaterialVersion);
      return [reason('CONSENT.RECONSENT_REQUIRED', record?.eventId, material?.eventId)];
    }
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
