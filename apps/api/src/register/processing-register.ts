import { toTopicView, type AutomatedDecision, type TopicDefinition, type TopicState } from '#domain';
import type { ControllerSettings } from './controller-settings';
import type { Safeguard } from './safeguards';

/** A recipient of a topic's events (Art. 30(1)(d)): a registered webhook or journey. */
export interface Recipient {
  kind: 'webhook' | 'journey';
  name: string;
}

/** One processing activity: a topic of the ledger (Art. 30(1)(b)-(g)). */
export interface ProcessingActivity {
  topicId: string;
  name: string;
  purpose: string;
  status: 'active' | 'retired';
  legalBasis: { basis: string; article: string };
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

const ARTICLES: Record<string, string> = {
  consent: 'Art. 6(1)(a), Art. 7',
  contract: 'Art. 6(1)(b)',
  legitimate_interest: 'Art. 6(1)(f), objection under Art. 21',
};

const SUBJECTS: Record<string, string> = {
  consent: 'persons who consented to this purpose (subscribers, prospects)',
  contract: 'customers and contract partners',
  legitimate_interest: 'existing customers and contacts (who may object, Art. 21)',
};

const CHANNEL_DATA: Record<string, string> = {
  email: 'e-mail address',
  sms: 'mobile phone number',
  phone: 'phone number',
  whatsapp: 'mobile phone number',
  post: 'postal address',
  push: 'push device token',
};

export function personalDataOf(definition: TopicDefinition): string[] {
  const contact = [
    ...new Set(definition.allowedChannels.map((channel) => CHANNEL_DATA[channel] ?? `${channel} address`)),
  ].map((kind) => `contact point: ${kind}`);
  const profile = definition.personalFields.map((field) => `profile: ${field}`);
  // Art. 7(1): the evidence of a consent is itself personal data (time, source, IP address, user agent).
  const evidence =
    definition.legalBasis === 'consent'
      ? ['consent evidence: time, source system, text version, IP address and user agent where captured']
      : [];
  return ['pseudonymous subject id', ...contact, ...profile, ...evidence, 'contact blocks and objections'];
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
    legalBasis: { basis: definition.legalBasis, article: ARTICLES[definition.legalBasis] ?? 'Art. 6(1)' },
    categoriesOfPersonalData: personalDataOf(definition),
    categoriesOfDataSubjects: [SUBJECTS[definition.legalBasis] ?? 'data subjects of this purpose'],
    recipients,
    retention: {
      days: definition.retentionDays,
      period: `${definition.retentionDays} days, then erased by crypto-shredding unless a legal hold applies`,
    },
    consentTextVersion: state.versions.at(-1)?.version ?? 0,
    safeguards: safeguardIds,
    profiling,
    automatedDecision: automatedDecision ?? null,
    offeredToChildren,
  };
}
