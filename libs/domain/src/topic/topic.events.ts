import type { Channel } from '../shared/channel';
import { eventTypeNames } from '../shared/event-type-names';
import type { Event } from '../shared/message';

export const LEGAL_BASES = ['consent', 'contract', 'legitimate_interest'] as const;
/** Art. 6(1)(a), (b) and (f): the lawful basis a topic's processing rests on. */
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const TEXT_CHANGES = ['material', 'editorial'] as const;
/** A material change alters what is consented to and calls for consent again; an editorial one does not. */
export type TextChange = (typeof TEXT_CHANGES)[number];

export type TopicDefinition = {
  topicId: string;
  title: string;
  description: string;
  allowedChannels: Channel[];
  legalBasis: LegalBasis;
  /** Art. 5(1)(c), 25: the profile fields this purpose needs; nothing else may be collected for it. */
  personalFields: string[];
  retentionDays: number;
  /** DPV purpose IRIs (https://w3id.org/dpv#...); absent on topics defined before, or left to the legal basis. */
  dpvPurposes?: string[];
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
