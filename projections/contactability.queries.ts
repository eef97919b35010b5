import type { ReadStore } from '#read-store';
import { answerContactability, type ContactabilityCheck } from './contactability.check';
import type { ContactabilityAnswer } from './contactability.reasons';
import { CONTACTABILITY_ROWS, type ContactabilityRow } from './contactability.row';
import { TOPICS, topicReadView, type TopicDocument, type TopicReadView } from './topics';

export const MAX_BATCH = 1000;

/** The subject's contactability row: what a check reads instead of the whole profile. */
export async function getContactabilityRow(
  store: ReadStore,
  subjectId: string,
): Promise<ContactabilityRow | undefined> {
  return (await store.get<ContactabilityRow>(CONTACTABILITY_ROWS, subjectId))?.doc;
}

/**
 * Answers every check in the order given with two reads in all: the distinct rows and the
 * distinct topics, each with one getMany, so a batch never reads a thousand streams.
 */
export async function checkContactability(
  store: ReadStore,
  checks: readonly ContactabilityCheck[],
  now: string,
): Promise<ContactabilityAnswer[]> {
  const [profiles, topics] = await Promise.all([
    byId(store.getMany<ContactabilityRow>(CONTACTABILITY_ROWS, distinct(checks.map((c) => c.subjectId)))),
    topicsById(store, distinct(checks.map((c) => c.topicId))),
  ]);
  return checks.map((check) =>
    answerContactability({ profile: profiles.get(check.subjectId), topic: topics.get(check.topicId) }, check, now),
  );
}

export async function topicsById(store: ReadStore, topicIds: readonly string[]): Promise<Map<string, TopicReadView>> {
  const docs = await store.getMany<TopicDocument>(TOPICS, topicIds);
  const views = new Map<string, TopicReadView>();
  for (const { id, doc } of docs) {
    const view = topicReadView(doc);
    if (view) views.set(id, view);
  }
  return views;
}

async function byId<T>(found: Promise<Array<{ id: string; doc: T }>>): Promise<Map<string, T>> {
  return new Map((await found).map(({ id, doc }) => [id, doc]));
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
