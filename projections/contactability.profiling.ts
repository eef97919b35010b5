import { mergeReasons, reason, type Contactability, type ContactabilityReason } from './contactability.reasons';
import type { ContactabilityProfile } from './contactability.row';
import type { TopicReadView } from './topics';

/** Whether the subject may be profiled for this topic's direct marketing, and why not. */
export type ProfilingDecision = { profilingAllowed: boolean; profilingReasons: ContactabilityReason[] };

/**
 * Art. 21(2)-(3): profiling for direct marketing stops on an objection to profiling (everywhere
 * or for this topic) or to direct marketing; Art. 5(1)(b), 13(2)(f): only a topic that declares
 * profiling may profile at all. A person who may not be contacted is not profiled for contacting
 * either, so the contact's reasons come first; an objection to profiling alone leaves the contact
 * allowed (the newsletter goes out, unpersonalised).
 */
export function decideProfiling(
  profile: Pick<ContactabilityProfile, 'objections'>,
  topic: TopicReadView,
  contact: Contactability,
): ProfilingDecision {
  const reasons: ContactabilityReason[] = [...contact.reasons];
  if (!topic.profiling) reasons.push(reason('TOPIC.NO_PROFILING', topic.proof.defined));
  for (const { scope, eventId } of profile.objections) {
    if (scope.kind === 'profiling' && (scope.topicId === undefined || scope.topicId === topic.id)) {
      reasons.push(reason('OBJECTION.PROFILING', eventId));
    }
  }
  return { profilingAllowed: contact.allowed && reasons.length === 0, profilingReasons: mergeReasons(reasons) };
}
