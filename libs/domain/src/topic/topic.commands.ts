import type { ChannelContext } from '../shared/channel';
import type { Clock, Command } from '../shared/message';
import type { LegalBasis, TextChange, TopicDefinition } from './topic.events';

export type DefineTopic = Command<'DefineTopic', TopicDefinition, Clock & ChannelContext>;

/** The version number is not on the command: the decider assigns last + 1. */
export type PublishConsentTextVersion = Command<
  'PublishConsentTextVersion',
  {
    topicId: string;
    text: string;
    /** SHA-256 hex of `text`, computed by the caller (the domain has no crypto). */
    textHash: string;
    language: string;
    change: TextChange;
  },
  Clock
>;

export type RetireTopic = Command<'RetireTopic', { topicId: string; reason?: string }, Clock>;

export type TopicCommand = DefineTopic | PublishConsentTextVersion | RetireTopic;

export type { LegalBasis, TextChange };
