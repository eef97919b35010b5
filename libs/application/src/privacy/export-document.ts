import { effectiveConsentStatus, subjectStreamName, type ConsentRecord, type RegisteredSubject } from '#domain';
import { legalBasisArticle, personalDataOf, retentionPeriod, type Recipient } from '../register/processing-facts';
import type { RightsSection } from './access-rights';
import type { FieldSource } from './personal-data-sources';
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

/** What the ledger knows beside the subject's stream: recipients, sources, rights (Art. 15(1)(c), (e)-(g)). */
export interface AccessFacts {
  recipients: (topicId: string) => Recipient[];
  sources: FieldSource[];
  rights: RightsSection;
}

/** The copy as a file is named after the subject's stream. */
export function exportFileName(subjectId: string): string {
  return `${subjectStreamName(subjectId)}-export.json`;
}

/** Where each item of Art. 15(1) and Art. 20 stands in the document. */
const CONTENTS = {
  'Art. 15(1)(a) purposes': 'purposes',
  'Art. 15(1)(b) categories of personal data': 'purposes[].categoriesOfPersonalData',
  'Art. 15(1)(c) recipients': 'purposes[].recipients',
  'Art. 15(1)(d) retention': 'purposes[].retention',
  'Art. 15(1)(e), (f) rights and complaint': 'rights',
  'Art. 15(1)(g) source': 'sources, consents[].grant.evidence.sourceSystem',
  'Art. 15(1)(h) automated decisions, profiling': 'automatedDecisions',
  'Art. 15(3) copy': 'personalData',
  'Art. 20 portable part': 'portability',
};

/** Art. 20(1): what the person provided (their data) and the consents they gave, in this machine-readable form. */
const PORTABILITY = { article: 'Art. 20(1)', sections: ['personalData', 'consents'] } as const;

/** Art. 15(1)(a)-(d): every topic the subject's data serves. */
export function topicIdsOf(subject: RegisteredSubject): string[] {
  const fromConsents = Object.values(subject.consents).map((record) => record.scope.topicId);
  const fromScopes = [...Object.values(subject.objections), ...Object.values(subject.blocks)].flatMap(({ scope }) =>
    'topicId' in scope && typeof scope.topicId === 'string' ? [scope.topicId] : [],
  );
  return [...new Set([...fromConsents, ...fromScopes])];
}

export type AccessDocument = ReturnType<typeof exportDocument>;

/** Art. 15, 20: everything held about the subject and everything Art. 15(1) asks to be told, machine-readable. */
export function exportDocument(
  subject: RegisteredSubject,
  topics: Map<string, TopicRecord>,
  history: ProofEntry[],
  now: string,
  facts: AccessFacts,
) {
  const purposes = [...topics.values()].map((topic) => purpose(topic, facts.recipients(topic.view.id)));
  return {
    format: EXPORT_FORMAT,
    subjectId: subject.subjectId,
    status: subject.status,
    exportedAt: now,
    contents: CONTENTS,
    personalData: {
      locale: subject.locale,
      contactPoints: Object.values(subject.contactPoints),
      profile: subject.profile,
      externalIds: subject.externalIds,
    },
    sources: facts.sources,
    consents: Object.values(subject.consents).map((record) => consentEntry(record, topics, now)),
    objections: Object.values(subject.objections),
    blocks: Object.values(subject.blocks),
    requests: Object.values(subject.requests),
    legalHolds: Object.values(subject.legalHolds),
    purposes,
    automatedDecisions: automatedDecisions(purposes),
    rights: facts.rights,
    portability: PORTABILITY,
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

function purpose({ view, description }: TopicRecord, recipients: Recipient[]) {
  return {
    topicId: view.id,
    title: view.title,
    description,
    legalBasis: view.legalBasis,
    legalBasisArticle: legalBasisArticle(view.legalBasis),
    retentionDays: view.retentionDays,
    retention: { days: view.retentionDays, period: retentionPeriod(view.retentionDays) },
    allowedChannels: view.allowedChannels,
    status: view.status,
    categoriesOfPersonalData: personalDataOf(view),
    recipients: [...recipients, OWN_SYSTEMS],
    profiling: view.profiling,
    automatedDecision: view.automatedDecision ?? null,
  };
}

/** Art. 4(9): the controller's own systems are not recipients in law, but the person is told of them all the same. */
const OWN_SYSTEMS: Recipient = {
  kind: 'category',
  name: "the controller's CRM and customer-journey systems, through the ledger's API",
};

/** Art. 15(1)(h), 22: whether any purpose decides automatically or profiles, and with what logic. */
function automatedDecisions(purposes: ReadonlyArray<ReturnType<typeof purpose>>) {
  const deciding = purposes.filter((p) => p.automatedDecision !== null);
  const profiling = purposes.filter((p) => p.profiling);
  return {
    applies: deciding.length > 0,
    decisions: deciding.map((p) => ({ topicId: p.topicId, ...p.automatedDecision! })),
    profiling: { applies: profiling.length > 0, topicIds: profiling.map((p) => p.topicId) },
  };
}
