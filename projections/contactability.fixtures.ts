import { fold, SUBJECT, T0, T1, topicEvent } from './projection.fixtures';
import type { ProjectedEvent } from './read-model';
import { SUBJECT_PROFILES, subjectProfileModel } from './subject-profile';
import type { SubjectProfileDocument } from './subject-profile.document';
import { TOPICS, topicReadView, topicsModel, type TopicReadView } from './topics';

/** Read models folded from stored events, for the contactability specs (never imported by production code). */
export function profileOf(...events: ProjectedEvent[]): SubjectProfileDocument {
  return fold(subjectProfileModel, events).get(`${SUBJECT_PROFILES}/${SUBJECT}`)!;
}

/** The newsletter (email, sms) with a material v1; `declarations` as a TopicDefined may carry them. */
export function topicOf(legalBasis = 'consent', ...later: ProjectedEvent[]): TopicReadView {
  return declaredTopic({}, legalBasis, ...later);
}

export function declaredTopic(
  declarations: Record<string, unknown>,
  legalBasis = 'consent',
  ...later: ProjectedEvent[]
): TopicReadView {
  const defined = topicEvent('newsletter', 'TopicDefined', {
    title: 'Newsletter',
    description: 'News',
    allowedChannels: ['email', 'sms'],
    legalBasis,
    personalFields: [],
    retentionDays: 730,
    ...declarations,
    definedAt: T0,
  });
  const v1 = topicEvent('newsletter', 'ConsentTextVersionPublished', {
    version: 1,
    text: 'v1',
    textHash: '1'.repeat(64),
    language: 'en',
    change: 'material',
    publishedAt: T0,
  });
  return topicReadView(fold(topicsModel, [defined, v1, ...later]).get(`${TOPICS}/newsletter`)!)!;
}

/** The newsletter's material text version 2: grants under version 1 then need reconsent. */
export const materialTextV2 = (): ProjectedEvent =>
  topicEvent('newsletter', 'ConsentTextVersionPublished', {
    version: 2,
    text: 'v2',
    textHash: '2'.repeat(64),
    language: 'en',
    change: 'material',
    publishedAt: T1,
  });
