import { DPV, DPV_GDPR, DPV_LEGAL_BASES, dpvPurposesOf, type ConsentStatus, type TopicState } from '#domain';
import type { ConsentHistoryEntry } from './consent-history';

/** The DPV profile of ISO/IEC TS 27560 this record follows (https://w3id.org/dpv/guides/consent-27560). */
export const CONSENT_RECORD_SCHEMA = 'https://w3id.org/dpv/schema/dpv-27560#record';

const CONTEXT = {
  dpv: DPV,
  'eu-gdpr': DPV_GDPR,
  dct: 'http://purl.org/dc/terms/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  spdx: 'http://spdx.org/rdf/terms#',
  // The ledger's own terms, for what DPV has no property for: the channel and the address's id.
  ledger: 'urn:privacy-ledger:',
};

/** DPV consent states (dpv:ConsentStatus) for each event of the history. */
const EVENT_STATUS: Record<ConsentHistoryEntry['kind'], string> = {
  requested: `${DPV}ConsentRequested`,
  given: `${DPV}ConsentGiven`,
  renewed: `${DPV}RenewedConsentGiven`,
  withdrawn: `${DPV}ConsentWithdrawn`,
  'request-expired': `${DPV}ConsentExpired`,
  terminated: `${DPV}ConsentTerminated`,
};

/** Statuses time alone brings about, with no event of their own: the record states them as derived. */
const DERIVED_STATUS: Partial<Record<ConsentStatus, { iri: string; why: string }>> = {
  expired: { iri: `${DPV}ConsentExpired`, why: 'the consent or its request passed its expiry' },
  'reconsent-required': {
    iri: `${DPV}ConsentInvalidated`,
    why: 'a material change of the consent text calls for consent again',
  },
};

export interface ConsentRecordInput {
  recordId: string;
  subjectId: string;
  channel: string;
  contactPointId?: string;
  topic: Exclude<TopicState, { status: 'not_defined' }>;
  history: readonly ConsentHistoryEntry[];
  /** The status in force at `now` (see effectiveConsentStatus). */
  status: ConsentStatus;
  now: string;
  controller: { name: string; contact: string; jurisdiction: string };
}

export type ConsentRecordDocument = Record<string, unknown>;

function notice(topic: ConsentRecordInput['topic'], version: number, hash: string): Record<string, unknown> {
  const published = topic.versions.find((v) => v.version === version);
  return {
    '@type': `${DPV}ConsentNotice`,
    'dct:identifier': `${topic.definition.topicId}/v${version}`,
    'dct:hasVersion': String(version),
    ...(published ? { 'dct:language': published.language, 'dct:issued': published.publishedAt } : {}),
    'spdx:checksum': { 'spdx:algorithm': 'SHA256', 'spdx:checksumValue': hash },
  };
}

function statusEntry(entry: ConsentHistoryEntry, topic: ConsentRecordInput['topic']): Record<string, unknown> {
  const byPerson = entry.kind === 'given' || entry.kind === 'renewed' || entry.kind === 'withdrawn';
  const grant = entry.grant;
  return {
    '@type': EVENT_STATUS[entry.kind],
    'dct:identifier': entry.eventId,
    'dpv:isIndicatedAtTime': entry.indicatedAt,
    'dct:created': entry.recordedAt,
    'dpv:isIndicatedBy': byPerson ? `${DPV}DataSubject` : `${DPV}DataController`,
    ...(grant && {
      'dpv:hasIndicationMethod': grant.method,
      'dct:source': grant.formId ? `${grant.sourceSystem}/${grant.formId}` : grant.sourceSystem,
      'dpv:hasNotice': notice(topic, grant.textVersion, grant.textHash),
      'dpv:hasDuration': grant.expiresAt
        ? { '@type': `${DPV}UntilTimeDuration`, 'rdf:value': grant.expiresAt }
        : { '@type': `${DPV}UntilEventDuration`, 'rdf:value': 'withdrawal of consent (Art. 7(3))' },
    }),
  };
}

function processOf(input: ConsentRecordInput): Record<string, unknown> {
  const { definition } = input.topic;
  return {
    '@type': `${DPV}Process`,
    'dct:identifier': definition.topicId,
    'dct:title': definition.title,
    'dct:description': definition.description,
    'dpv:hasPurpose': [...dpvPurposesOf(definition)],
    'dpv:hasLegalBasis': [...DPV_LEGAL_BASES[definition.legalBasis]],
    'dpv:hasPersonalData': [`contact point: ${input.channel}`, ...definition.personalFields],
    'dpv:hasDataController': {
      '@type': `${DPV}DataController`,
      'dct:title': input.controller.name,
      'dpv:hasContact': input.controller.contact,
    },
    'dpv:hasStorageCondition': {
      '@type': `${DPV}StorageDuration`,
      'dpv:hasDuration': { '@type': `${DPV}TemporalDuration`, 'rdf:value': `P${definition.retentionDays}D` },
    },
    'dpv:hasJurisdiction': input.controller.jurisdiction,
    'dpv:hasConsentControl': { '@type': `${DPV}WithdrawConsent` },
  };
}

/** The grant, withdrawal or request the status rests on, and a derived entry when time changed it since. */
function statuses(input: ConsentRecordInput): Record<string, unknown>[] {
  const recorded = input.history.map((entry) => statusEntry(entry, input.topic));
  const derived = DERIVED_STATUS[input.status];
  const last = recorded.at(-1)?.['@type'];
  if (!derived || last === derived.iri) return recorded;
  return [...recorded, { '@type': derived.iri, 'dct:date': input.now, 'dct:description': derived.why }];
}

/**
 * Art. 7(1): the consent as an ISO/IEC TS 27560 consent record in the DPV profile (JSON-LD). Its
 * status list is the consent's event history; the last entry is the status in force.
 */
export function consentRecordDocument(input: ConsentRecordInput): ConsentRecordDocument {
  const grants = input.history.flatMap((e) => (e.grant ? [e.grant] : []));
  const versions = [...new Map(grants.map((g) => [g.textVersion, g.textHash])).entries()];
  const notices = versions.map(([version, hash]) => notice(input.topic, version, hash));
  return {
    '@context': CONTEXT,
    '@id': `urn:uuid:${input.recordId}`,
    '@type': `${DPV}ConsentRecord`,
    'dct:conformsTo': CONSENT_RECORD_SCHEMA,
    'dct:identifier': input.recordId,
    'dct:modified': input.history.at(-1)?.recordedAt,
    'dpv:hasDataSubject': { '@type': `${DPV}DataSubject`, 'dct:identifier': input.subjectId },
    'dpv:hasNotice': notices,
    'dpv:hasProcess': processOf(input),
    'ledger:channel': input.channel,
    ...(input.contactPointId ? { 'ledger:contactPointId': input.contactPointId } : {}),
    'dpv:hasConsentStatus': statuses(input),
  };
}
