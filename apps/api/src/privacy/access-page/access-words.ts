import type { DataSubjectRight } from '#application';

/** The readable Art. 15 answer in the person's language (Art. 12(1): concise, intelligible, plain language). */
export interface AccessWords {
  title: string;
  intro: (controller: string, date: string) => string;
  personalData: string;
  portable: string;
  field: string;
  value: string;
  source: string;
  recordedBy: string;
  language: string;
  consents: string;
  topic: string;
  channel: string;
  status: string;
  evidence: string;
  purposes: string;
  legalBasis: string;
  categories: string;
  recipients: string;
  retention: string;
  automated: string;
  noAutomated: string;
  profilingFor: (topics: string) => string;
  logic: string;
  consequences: string;
  objections: string;
  blocks: string;
  requests: string;
  none: string;
  rights: string;
  rightNames: Record<DataSubjectRight, string>;
  complaint: string;
  authorityUnset: string;
  contact: string;
  download: string;
  machineReadable: string;
  scope: string;
  kind: string;
  since: string;
  due: string;
  text: string;
}

const DE: AccessWords = {
  title: 'Auskunft über Ihre Daten (Art. 15 DSGVO)',
  intro: (controller, date) => `${controller} verarbeitet die folgenden Daten über Sie. Stand: ${date} (UTC).`,
  personalData: 'Ihre personenbezogenen Daten',
  portable: 'übertragbar (Art. 20)',
  field: 'Angabe',
  value: 'Wert',
  source: 'Herkunft (Art. 15(1)(g))',
  recordedBy: 'erfasst von',
  language: 'Sprache',
  consents: 'Ihre Einwilligungen',
  topic: 'Thema',
  channel: 'Kanal',
  status: 'Status',
  evidence: 'Nachweis',
  purposes: 'Zwecke, Empfänger und Speicherdauer (Art. 15(1)(a)–(d))',
  legalBasis: 'Rechtsgrundlage',
  categories: 'Datenkategorien',
  recipients: 'Empfänger',
  retention: 'Speicherdauer',
  automated: 'Automatisierte Entscheidungen und Profiling (Art. 15(1)(h), Art. 22)',
  noAutomated: 'Es findet keine ausschließlich automatisierte Entscheidung über Sie statt.',
  profilingFor: (topics) =>
    `Profiling für Direktwerbung bei: ${topics}. Sie können ihm jederzeit widersprechen (Art. 21(2)).`,
  logic: 'Logik',
  consequences: 'Tragweite und Auswirkungen',
  objections: 'Widersprüche',
  blocks: 'Werbesperren',
  requests: 'Ihre Anträge',
  none: 'keine',
  rights: 'Ihre Rechte (Art. 15(1)(e), (f))',
  rightNames: {
    access: 'Auskunft',
    rectification: 'Berichtigung',
    erasure: 'Löschung',
    restriction: 'Einschränkung der Verarbeitung',
    portability: 'Datenübertragbarkeit',
    objection: 'Widerspruch',
    'withdraw-consent': 'Widerruf einer Einwilligung, jederzeit und ohne Begründung',
    complaint: 'Beschwerde bei einer Aufsichtsbehörde',
  },
  complaint: 'Zuständige Aufsichtsbehörde',
  authorityUnset:
    'jede Aufsichtsbehörde, insbesondere die Ihres Aufenthaltsorts, Arbeitsplatzes oder Orts des mutmaßlichen Verstoßes',
  contact: 'Kontakt des Verantwortlichen',
  download: 'Maschinenlesbare Kopie herunterladen (JSON)',
  machineReadable: 'Die maschinenlesbare Kopie enthält zusätzlich die vollständige Historie mit Prüfsummen.',
  scope: 'Umfang',
  kind: 'Art',
  since: 'seit',
  due: 'fällig',
  text: 'Text',
};

const EN: AccessWords = {
  title: 'Your data: access under Art. 15 GDPR',
  intro: (controller, date) => `${controller} processes the following data about you. As of ${date} (UTC).`,
  personalData: 'Your personal data',
  portable: 'portable (Art. 20)',
  field: 'Field',
  value: 'Value',
  source: 'Source (Art. 15(1)(g))',
  recordedBy: 'recorded by',
  language: 'Language',
  consents: 'Your consents',
  topic: 'Topic',
  channel: 'Channel',
  status: 'Status',
  evidence: 'Evidence',
  purposes: 'Purposes, recipients and retention (Art. 15(1)(a)–(d))',
  legalBasis: 'Legal basis',
  categories: 'Categories of data',
  recipients: 'Recipients',
  retention: 'Retention',
  automated: 'Automated decisions and profiling (Art. 15(1)(h), Art. 22)',
  noAutomated: 'No decision about you is based solely on automated processing.',
  profilingFor: (topics) =>
    `Profiling for direct marketing in: ${topics}. You may object to it at any time (Art. 21(2)).`,
  logic: 'Logic involved',
  consequences: 'Significance and envisaged consequences',
  objections: 'Objections',
  blocks: 'Contact blocks',
  requests: 'Your requests',
  none: 'none',
  rights: 'Your rights (Art. 15(1)(e), (f))',
  rightNames: {
    access: 'Access',
    rectification: 'Rectification',
    erasure: 'Erasure',
    restriction: 'Restriction of processing',
    portability: 'Data portability',
    objection: 'Objection',
    'withdraw-consent': 'Withdrawing a consent, at any time and without giving reasons',
    complaint: 'Lodging a complaint with a supervisory authority',
  },
  complaint: 'Supervisory authority',
  authorityUnset:
    'any supervisory authority, in particular where you live, work or where the alleged infringement took place',
  contact: "Controller's contact",
  download: 'Download the machine-readable copy (JSON)',
  machineReadable: 'The machine-readable copy also holds the complete history with its hashes.',
  scope: 'Scope',
  kind: 'Kind',
  since: 'Since',
  due: 'Due',
  text: 'Text',
};

export const ACCESS_WORDS: Record<'de' | 'en', AccessWords> = { de: DE, en: EN };
