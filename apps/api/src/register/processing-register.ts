import { DPV_LEGAL_BASES, dpvPurposesOf, toTopicView, type AutomatedDecision, type TopicState } from '#domain';
import { dataSubjectCategory, legalBasisArticle, personalDataOf, retentionPeriod, type Recipient } from '#application';
import type { ControllerSettings } from './controller-settings';
import type { Safeguard } from './safeguards';

/** One processing activity: a topic of the ledger (Art. 30(1)(b)-(g)). */
export interface ProcessingActivity {
  topicId: string;
  name: string;
  purpose: string;
  status: 'active' | 'retired';
  legalBasis: { basis: string; article: string };
  /** The purposes and the legal basis as W3C DPV concepts (https://w3id.org/dpv), as consent records state them. */
  dpv: { purposes: string[]; legalBasis: string[] };
  categoriesOfPersonalData: string[];
  categoriesOfDataSubjects: string[];
  recipients: Recipient[];
  retention: { days: number; period: string };
  consentTextVersion: number;
  safeguards: string[];
  /** Art. 21(2): profiling for direct marketing, which the person may object to on its own. */
  profiling: boolean;
  /** Art. 22, 13(2)(f): the automated decision with its logic and consequences; null where there is none. */
  automatedDecision: AutomatedDecision | null;
  /** Art. 8(1): an information-society service offered directly to a child. */
  offeredToChildren: boolean;
}

export interface ProcessingRegister {
  controller: ControllerSettings;
  generatedAt: string;
  /** The topics read model's checkpoint the register was generated at. */
  position: number;
  activities: ProcessingActivity[];
  safeguards: Safeguard[];
  notes: string[];
}

/** A defined topic as its processing activity; recipients come from registrations (issue 7). */
export function activityOf(
  state: Extract<TopicState, { status: 'active' | 'retired' }>,
  recipients: Recipient[],
  safeguardIds: string[],
): ProcessingActivity {
  const { definition } = state;
  const { profiling, automatedDecision, offeredToChildren } = toTopicView(state)!;
  return {
    topicId: definition.topicId,
    name: definition.title,
    purpose: definition.description,
    status: state.status,
    legalBasis: { basis: definition.legalBasis, article: legalBasisArticle(definition.legalBasis) },
    dpv: { purposes: [...dpvPurposesOf(definition)], legalBasis: [...DPV_LEGAL_BASES[definition.legalBasis]] },
    categoriesOfPersonalData: personalDataOf(definition),
    categoriesOfDataSubjects: [dataSubjectCategory(definition.legalBasis)],
    recipients,
    retention: { days: definition.retentionDays, period: retentionPeriod(definition.retentionDays) },
    consentTextVersion: state.versions.at(-1)?.version ?? 0,
    safeguards: safeguardIds,
    profiling,
    automatedDecision: automatedDecision ?? null,
    offeredToChildren,
  };
}
