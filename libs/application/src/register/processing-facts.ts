import type { TopicDefinition } from '#domain';

/** A recipient of a topic's data (Art. 15(1)(c), 30(1)(d)): a registered webhook, or a category. */
export interface Recipient {
  kind: 'webhook' | 'journey' | 'category';
  name: string;
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

export const legalBasisArticle = (basis: string): string => ARTICLES[basis] ?? 'Art. 6(1)';

export const dataSubjectCategory = (basis: string): string => SUBJECTS[basis] ?? 'data subjects of this purpose';

/** Art. 15(1)(b), 30(1)(c): the categories of personal data a topic processes. */
export function personalDataOf(
  definition: Readonly<{
    allowedChannels: readonly string[];
    personalFields: readonly string[];
    legalBasis: TopicDefinition['legalBasis'];
  }>,
): string[] {
  const contact = [
    ...new Set(definition.allowedChannels.map((channel) => CHANNEL_DATA[channel] ?? `${channel} address`)),
  ].map((kind) => `contact point: ${kind}`);
  const profile = definition.personalFields.map((field) => `profile: ${field}`);
  // Art. 7(1): the evidence of a consent is itself personal data (time, source, IP address, user agent).
  const evidence =
    definition.legalBasis === 'consent'
      ? ['consent evidence: time, source system, text version, IP address and user agent where captured']
      : [];
  // Identity links are held per subject, whatever the topic: every activity may touch them.
  const links = "identity links: the subject's ids in other systems (e.g. a CRM customer number), where linked";
  return ['pseudonymous subject id', ...contact, ...profile, links, ...evidence, 'contact blocks and objections'];
}

/** Art. 15(1)(d), 30(1)(f): how long, and what ends it. */
export function retentionPeriod(retentionDays: number): string {
  return `${retentionDays} days, then erased by crypto-shredding unless a legal hold applies`;
}
