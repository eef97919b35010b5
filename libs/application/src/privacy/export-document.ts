import { effectiveConsentStatus, type ConsentRecord, type RegisteredSubject } from '#domain';
import type { TopicRecord } from './topic-records';

export const EXPORT_FORMAT = 'privacy-ledger.subject-export.v1';

/** One entry of the stored history, as proof: what happened when, with its hash. */
export interface ProofEntry {
  type: string;
  revision: number;
  recordedAt: string;
  hash: unknown;
  prevHash: unknown;
  data: Record<string, unknown>;
}

/** Art. 15(1)(a)-(d), 20: every topic the subject's data serves, with its legal basis and retention. */
export function topicIdsOf(subject: RegisteredSubject): string[] {
  const fromConsents = Object.values(subject.consents).map((record) => record.scope.topicId);
  const fromScopes = [...Object.values(subject.objections), ...Object.values(subject.blocks)].flatMap(({ scope }) =>
    scope.kind === 'topic' || scope.kind === 'profiling' ? [scope.topicId ?? []].flat() : [],
  );
  return [...new Set([...fromConsents, ...fromScopes])];
}

/** Art. 15, 20: everything held about the subject, in clear text, machine-readable. */
export function exportDocument(
  subject: RegisteredSubject,
  topics: Map<string, TopicRecord>,
  history: ProofEntry[],
  now: string,
) {
  return {
    format: EXPORT_FORMAT,
    subjectId: subject.subjectId,
    status: subject.status,
    exportedAt: now,
    personalData: {
      locale: subject.locale,
      contactPoints: Object.values(subject.contactPoints),
      profile: subject.profile,
    },
    consents: Object.values(subject.consents).map((record) => consentEntry(record, topics, now)),
    objections: Object.values(subject.objections),
    blocks: Object.values(subject.blocks),
    requests: Object.values(subject.requests),
    legalHolds: Object.values(subject.legalHolds),
    purposes: [...topics.values()].map(purpose),
    history,
  };
}

function consentEntry(record: ConsentRecord, topics: Map<string, TopicRecord>, now: string) {
  const topic = topics.get(record.scope.topicId);
  const status = topic ? effectiveConsentStatus(record, topic.view, now) : record.status;
  if (record.status !== 'granted' && record.status !== 'revoked') return { ...record, status };
  const text = topic?.texts.get(record.grant.evidence.textVersion);
  return { ...record, status, consentText: text ?? null };
}

function purpose({ view, description }: TopicRecord) {
  return {
    topicId: view.id,
    title: view.title,
    description,
    legalBasis: view.legalBasis,
    retentionDays: view.retentionDays,
    allowedChannels: view.allowedChannels,
    status: view.status,
  };
}
