import {
  effectiveConsentStatus,
  type ConsentRecord,
  type ConsentStatus,
  type ContactPoint,
  type RegisteredSubject,
} from '#domain';
import type { TopicRecord } from '../privacy/topic-records';

export interface PrivacyCenterConsent {
  channel: string;
  contactPointId?: string;
  status: ConsentStatus;
  since?: string;
  method?: string;
}

export interface PrivacyCenterTopic {
  topicId: string;
  title: string;
  purpose: string;
  legalBasis: string;
  profiling: boolean;
  channels: string[];
  /** The exact wording of the current version (Art. 7(2): clear and plain, shown as it is consented to). */
  text: { version: number; language: string; text: string } | null;
  consents: PrivacyCenterConsent[];
}

/** What the person sees of themselves; contact points masked, so a glance over a shoulder gives little away. */
export interface PrivacyCenterView {
  locale: string;
  contactPoints: Array<{ contactPointId: string; channel: string; masked: string }>;
  topics: PrivacyCenterTopic[];
  objections: Array<{ kind: string; topicId?: string; channel?: string; raisedAt: string }>;
  blocks: Array<{ blockId: string; kind: string; channel?: string; topicId?: string; setAt: string }>;
  requests: Array<{ requestId: string; kind: string; status: string; receivedAt: string; dueAt: string }>;
}

/** Pure: the subject's state and the topics on offer, as of `now`. */
export function privacyCenterView(
  subject: RegisteredSubject,
  topics: readonly TopicRecord[],
  now: string,
): PrivacyCenterView {
  return {
    locale: subject.locale,
    contactPoints: Object.values(subject.contactPoints).flatMap((point) =>
      point.status === 'active'
        ? [{ contactPointId: point.contactPointId, channel: point.channel, masked: mask(point) }]
        : [],
    ),
    topics: topics.map((topic) => topicView(subject, topic, now)),
    objections: Object.values(subject.objections).map(({ scope, raisedAt }) => ({ ...scope, raisedAt })),
    blocks: Object.values(subject.blocks).flatMap(({ status, blockId, scope, setAt }) =>
      status === 'active' ? [{ blockId, ...scope, setAt }] : [],
    ),
    requests: Object.values(subject.requests).map(({ requestId, kind, status, receivedAt, dueAt, extension }) => ({
      requestId,
      kind,
      status,
      receivedAt,
      dueAt: extension?.extendedUntil ?? dueAt,
    })),
  };
}

function topicView(subject: RegisteredSubject, { view, description, texts }: TopicRecord, now: string) {
  const current = texts.get(view.currentVersion);
  const records = Object.values(subject.consents).filter((record) => record.scope.topicId === view.id);
  return {
    topicId: view.id,
    title: view.title,
    purpose: description,
    legalBasis: view.legalBasis,
    profiling: view.profiling,
    channels: [...view.allowedChannels],
    text: current ? { version: current.version, language: current.language, text: current.text } : null,
    consents: records.map((record) => consentView(record, view, now)),
  } satisfies PrivacyCenterTopic;
}

function consentView(record: ConsentRecord, topic: TopicRecord['view'], now: string): PrivacyCenterConsent {
  const { channel, contactPointId } = record.scope;
  const status = effectiveConsentStatus(record, topic, now);
  const base = contactPointId === undefined ? { channel, status } : { channel, contactPointId, status };
  switch (record.status) {
    case 'granted':
      return { ...base, since: record.grant.grantedAt, method: record.grant.evidence.method };
    case 'revoked':
      return { ...base, since: record.revokedAt, method: record.grant.evidence.method };
    case 'expired':
      return { ...base, since: record.expiredAt };
    case 'pending-double-opt-in':
      return base;
    default: {
      const unreachable: never = record;
      return unreachable;
    }
  }
}

/** `a***@example.org`, `+49 *** *** 12`; anything else shows only that it exists. */
export function mask(point: Extract<ContactPoint, { status: 'active' }>): string {
  if (point.channel === 'email') {
    const at = point.address.lastIndexOf('@');
    return at > 0 ? `${point.address[0]}***${point.address.slice(at)}` : '***';
  }
  const digits = point.address.replace(/[^\d+]/g, '');
  if (digits.length >= 6) return `${digits.slice(0, 3)} *** *** ${digits.slice(-2)}`;
  return '***';
}
