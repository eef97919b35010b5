import type { Channel } from '#domain';
import { MAX_LIMIT, type ReadStore } from '#read-store';
import { decideContactability } from './contactability';
import { decideProfiling } from './contactability.profiling';
import type { Contactability } from './contactability.reasons';
import type { SubjectProfileDocument } from './subject-profile.document';
import { SUBJECT_PROFILES } from './subject-profile';
import { keyOf } from './subject-profile.keys';
import type { TopicReadView } from './topics';

/** `profilingAllowed`: whether the message may be personalised by profiling (Art. 21(2)). */
export type AudienceMember = { subjectId: string; contactPointIds: string[]; profilingAllowed: boolean };
export type AudiencePage = { items: AudienceMember[]; next?: string };

/**
 * Subjects who may be contacted now about `topic` on `channel`, in id order. Candidates come from
 * an index (a grant for consent topics, Art. 6(1)(a); an address on the channel otherwise) and each
 * is decided by the same function as a single check. Pages are filled across candidate pages, and
 * the cursor is the last candidate examined, so it stays valid while documents change.
 */
export async function findAudience(
  store: ReadStore,
  topic: TopicReadView,
  channel: Channel,
  now: string,
  page: { after?: string; limit: number },
): Promise<AudiencePage> {
  if (topic.status === 'retired' || !topic.allowedChannels.includes(channel)) return { items: [] };
  const filter: Record<string, string> =
    topic.legalBasis === 'consent' ? { consentKeys: keyOf(topic.id, channel) } : { channels: channel };
  const items: AudienceMember[] = [];
  let after = page.after;
  for (;;) {
    const candidates = await store.find<SubjectProfileDocument>(SUBJECT_PROFILES, filter, { after, limit: MAX_LIMIT });
    for (const [i, { id, doc }] of candidates.items.entries()) {
      const decision = decideContactability(doc, topic, channel, undefined, now);
      if (decision.allowed) items.push(member(id, doc, topic, decision));
      if (items.length === page.limit) {
        const more = i < candidates.items.length - 1 || candidates.next !== undefined;
        return more ? { items, next: id } : { items };
      }
    }
    if (candidates.next === undefined) return { items };
    after = candidates.next;
  }
}

function member(
  subjectId: string,
  doc: SubjectProfileDocument,
  topic: TopicReadView,
  decision: Contactability,
): AudienceMember {
  const { profilingAllowed } = decideProfiling(doc, topic, decision);
  return { subjectId, contactPointIds: decision.contactPointIds, profilingAllowed };
}
