import { requireChannel } from '../shared/channel';
import { compact } from '../shared/compact';
import { refuse } from '../shared/error-codes';
import { instant, requireIsoTimestamp } from '../shared/time';
import type { TopicView } from '../topic/topic.view';
import type { GrantConsent } from './consent.commands';
import type { ConsentScope } from './consent.events';
import { effectiveConsentStatus } from './consent-status';
import { validEvidence } from './evidence.validate';
import { requireParentalAuthorisation } from './parental-authorisation';
import type { SubjectEvent } from './subject.events';
import {
  requireActiveContactPoint,
  requireActiveTopic,
  requireCurrentText,
  requireMatchingChannel,
  requireRegistered,
} from './subject.guards';
import { consentKey, type RegisteredSubject, type SubjectState } from './subject.state';

export function grantConsent({ data, metadata }: GrantConsent, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const checked = validEvidence(data.evidence, metadata.now);
  const channel = requireChannel(data.channel, metadata.channels);
  const topic = requireActiveTopic(metadata.topic, data.topicId, channel);
  const scope = consentScope(subject, topic.id, channel, data.contactPointId);
  const text = requireCurrentText(topic, data.evidence.textVersion, 'evidence.textVersion');
  requireParentalAuthorisation(subject.profile, topic, checked.parentalAuthorisation, metadata);
  const expiresAt = optionalExpiry(data.expiresAt, metadata.now);
  if (alreadyGranted(subject, scope, topic, text.version, metadata.now)) return [];
  const evidence = { ...checked, textVersion: text.version, textHash: text.textHash };
  return [
    {
      type: 'ConsentGranted',
      data: compact({
        subjectId: subject.subjectId,
        ...scope,
        evidence,
        topicMaterialVersion: topic.currentMaterialVersion,
        expiresAt,
        grantedAt: metadata.now,
      }),
    },
  ];
}

export function consentScope(
  subject: RegisteredSubject,
  topicId: string,
  channel: string,
  contactPointId?: string,
): ConsentScope {
  if (contactPointId === undefined) return { topicId, channel };
  requireMatchingChannel(requireActiveContactPoint(subject, contactPointId), channel);
  return { topicId, channel, contactPointId };
}

/** A grant that would change nothing: effective now, under the same text. Reconsent is a real change. */
function alreadyGranted(
  subject: RegisteredSubject,
  scope: ConsentScope,
  topic: TopicView,
  version: number,
  now: string,
): boolean {
  const record = subject.consents[consentKey(scope)];
  if (record?.status !== 'granted') return false;
  return effectiveConsentStatus(record, topic, now) === 'granted' && record.grant.evidence.textVersion === version;
}

function optionalExpiry(expiresAt: string | undefined, now: string): string | undefined {
  if (expiresAt === undefined) return undefined;
  requireIsoTimestamp(expiresAt, 'CONSENT.EXPIRY_INVALID', 'expiresAt');
  if (instant(expiresAt) <= instant(now))
    refuse('CONSENT.EXPIRY_INVALID', 'expiresAt must lie in the future', 'expiresAt');
  return expiresAt;
}
