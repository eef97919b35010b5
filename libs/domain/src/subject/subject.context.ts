import type { ChannelContext } from '../shared/channel';
import type { Clock } from '../shared/message';
import type { TopicView } from '../topic/topic.view';
import type { AgeOfDigitalConsent } from './age';

/** What the application adds to every subject command: the time and the configured channels. */
export type SubjectContext = Clock & ChannelContext;

/**
 * Commands about a topic also carry its view (absent when the topic was never defined) and the
 * configured age of digital consent (Art. 8(1)), for topics offered to children.
 */
export type TopicContext = SubjectContext & { topic?: TopicView; ageOfDigitalConsent: AgeOfDigitalConsent };

/**
 * Art. 5(1)(c), 25: the profile fields that may be stored: the configured profile schema plus the
 * personalFields of the topics, assembled by the application.
 */
export type ProfileContext = SubjectContext & { allowedProfileFields: readonly string[] };
