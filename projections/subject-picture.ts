import { effectiveConsentStatus, type Channel, type ConsentStatus } from '#domain';
import { decideContactability } from './contactability';
import type { ContactabilityReasonCode } from './contactability.reasons';
import type { ProfileConsent, SubjectProfileDocument } from './subject-profile.document';
import { summaryRecords } from './subject-profile.keys';
import type { TopicReadView } from './topics';

/** One topic and channel of a subject, as a person reads it: may we contact them now, and why (not). */
export type PictureCell = {
  topicId: string;
  title: string;
  legalBasis: TopicReadView['legalBasis'];
  channel: Channel;
  /** The consent state in effect now; `not-required` where the legal basis is not consent (Art. 6(1)(b), (f)). */
  consent: ConsentStatus | 'not-required';
  allowed: boolean;
  /** Every reason that denies contact (a global block or an erasure appears on every cell). */
  reasons: ContactabilityReasonCode[];
  /** Art. 7(1): when the person gave the consent (the evidence's capture time, not when it was recorded). */
  givenAt?: string;
  textVersion?: number;
  /** The wording the person agreed to. */
  text?: string;
};

/**
 * Every active topic on each of its channels (also those never asked about), plus retired topics the
 * subject holds a consent for, each decided by the same function as a contactability check.
 */
export function subjectPicture(
  doc: SubjectProfileDocument,
  topics: readonly TopicReadView[],
  now: string,
): PictureCell[] {
  const summaries = summaryRecords(doc.consents);
  const held = new Set(doc.consents.map((c) => c.scope.topicId));
  return topics
    .filter((topic) => topic.status === 'active' || held.has(topic.id))
    .flatMap((topic) =>
      topic.allowedChannels.map((channel) => {
        const record = summaries.find((c) => c.scope.topicId === topic.id && c.scope.channel === channel);
        return cellOf(doc, topic, channel, record, now);
      }),
    );
}

function cellOf(
  doc: SubjectProfileDocument,
  topic: TopicReadView,
  channel: Channel,
  record: ProfileConsent | undefined,
  now: string,
): PictureCell {
  const decision = decideContactability(doc, topic, channel, undefined, now);
  const grant = record?.status === 'granted' || record?.status === 'revoked' ? record.grant : undefined;
  const textVersion = grant?.evidence.textVersion;
  const text = topic.texts.find((t) => t.version === textVersion)?.text;
  return {
    topicId: topic.id,
    title: topic.title,
    legalBasis: topic.legalBasis,
    channel,
    consent: topic.legalBasis === 'consent' ? effectiveConsentStatus(record, topic, now) : 'not-required',
    allowed: decision.allowed,
    reasons: decision.reasons.map((r) => r.code),
    ...(grant ? { givenAt: grant.evidence.capturedAt, textVersion } : {}),
    ...(text === undefined ? {} : { text }),
  };
}
