import type { Channel } from '../shared/channel';
import { eventTypeNames } from '../shared/event-type-names';
import type { Event } from '../shared/message';

export const LEGAL_BASES = ['consent', 'contract', 'legitimate_interest'] as const;
/** Art. 6(1)(a), (b) and (f): the lawful basis a topic's processing rests on. */
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const TEXT_CHANGES = ['material', 'editorial'] as const;
/** A material change alters what is consented to and calls for consent again; an editorial one does not. */
export type TextChange = (typeof TEXT_CHANGES)[number];

/** Art. 22(1): a decision based solely on automated processing, explained as Art. 15(1)(h) asks. */
export type AutomatedDecision = { logic: string; consequences: string };

/** What a purpose declares about the person's rights; absent (as on events older than these fields) is no. */
export type TopicDeclarations = {
  /** Art. 21(2): the purpose profiles the person for direct marketing; an objection to profiling stops it. */
  profiling?: boolean;
  /** Art. 22: the purpose involves an automated decision with legal or similarly significant effects. */
  automatedDecision?: AutomatedDecision;
  /** Art. 8(1): an information-society service offered directly to a child. */
  offeredToChildren?: boolean;
};

export type TopicDefinition = TopicDeclarations & {
  topicId: string;
  title: string;
  description: string;
  allowedChannels: Channel[];
  legalBasis: LegalBasis;
  /** Art. 5(1)(c), 25: the profile fields this purpose needs; nothing else may be collected for it. */
  personalFields: string[];
  retentionDays: number;
};

export type TopicDefined = Event<'TopicDefined', TopicDefinition & { definedAt: string }>;

export type ConsentTextVersionPublished = Event<
  'ConsentTextVersionPublished',
  {
    topicId: string;
    version: number;
    text: string;
    textHash: string;
    language: string;
    change: TextChange;
    publishedAt: string;
  }
>;

export type TopicRetired = Event<'TopicRetired', { topicId: string; reason?: string; retiredAt: string }>;

export type TopicEvent = TopicDefined | ConsentTextVersionPublished | TopicRetired;

/**
 * Topic streams hold no personal data: they have no data subject whose key could shred them, so
 * nothing here may ever be declared personal.
 */
export const topicPersonalFields: { readonly [T in TopicEvent['type']]: readonly string[] } = {
  TopicDefined: [],
  ConsentTextVersionPublished: [],
  TopicRetired: [],
};

/** `TopicEventType.TopicDefined`: the names for event-store filters and untyped stored events. */
export const TopicEventType = eventTypeNames(topicPersonalFields);
