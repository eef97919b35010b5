import type { Channel } from '#domain';
import { decideContactability } from './contactability';
import type { ContactabilityProfile } from './contactability.row';
import { decideProfiling } from './contactability.profiling';
import { denied, reason, type ContactabilityAnswer } from './contactability.reasons';
import type { TopicReadView } from './topics';

/** One question: may `subjectId` be contacted about `topicId` on `channel` (at `contactPointId`), now? */
export type ContactabilityCheck = { subjectId: string; topicId: string; channel: Channel; contactPointId?: string };

/** What the read models hold for one check; undefined where the subject or topic is not known. */
export type ContactabilityInputs = { profile: ContactabilityProfile | undefined; topic: TopicReadView | undefined };

/**
 * The one answer to one check, whichever route asks: the batch maps it over its checks, the single
 * route turns the two UNKNOWN denials into 404s. An unknown subject or topic is denied, never allowed.
 * Beside it, whether the subject may be profiled for the topic (Art. 21(2)).
 */
export function answerContactability(
  { profile, topic }: ContactabilityInputs,
  check: ContactabilityCheck,
  now: string,
): ContactabilityAnswer {
  if (profile === undefined || topic === undefined) {
    const unknown = denied(
      ...(profile ? [] : [reason('SUBJECT.UNKNOWN')]),
      ...(topic ? [] : [reason('TOPIC.UNKNOWN')]),
    );
    return { ...unknown, profilingAllowed: false, profilingReasons: unknown.reasons };
  }
  const contact = decideContactability(profile, topic, check.channel, check.contactPointId, now);
  return { ...contact, ...decideProfiling(profile, topic, contact) };
}
