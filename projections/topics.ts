import {
  evolveTopic,
  initialTopicState,
  isTopicStream,
  TOPIC_STREAM_PREFIX,
  topicIdOf,
  toTopicDetail,
  type TopicDetail,
  type TopicEvent,
  type TopicState,
} from '#domain';
import type { ReadStore } from '#read-store';
import type { DocumentKey, ProjectedEvent, ReadModel } from './read-model';

export const TOPICS = 'topics';

/** The events a topic's current state rests on, so contactability can cite them. */
export type TopicProof = { defined: string; retired?: string; versions: Array<{ version: number; eventId: string }> };

/** The wording of each version (Art. 7(1)): what a person agreed to, shown beside the grant. */
export type TopicText = { version: number; text: string };

/** Collection `topics`, id = topic id: the folded topic state (no personal data), its proof and texts. */
export type TopicDocument = {
  topicId: string;
  state: TopicState;
  proof: TopicProof;
  texts: TopicText[];
  updatedAt: string;
};

/** What readers use: the view subject commands get with the purpose, plus the proof and the texts. */
export type TopicReadView = TopicDetail & { proof: TopicProof; texts: TopicText[] };

export const topicsModel: ReadModel<TopicDocument> = {
  name: 'topics',
  version: 2,
  collections: [TOPICS],
  indexes: [],
  filter: { streamPrefixes: [TOPIC_STREAM_PREFIX] },
  keysOf: (event) => (isTopicStream(event.stream) ? [{ collection: TOPICS, id: topicIdOf(event.stream) }] : []),
  apply: applyTopicEvent,
};

export function applyTopicEvent(
  doc: TopicDocument | undefined,
  event: ProjectedEvent,
  _key?: DocumentKey,
): TopicDocument | undefined {
  const topicEvent = { type: event.type, data: event.data } as unknown as TopicEvent;
  if (doc !== undefined && alreadyApplied(doc, topicEvent)) return doc;
  const state = evolveTopic(doc?.state ?? initialTopicState(), topicEvent);
  if (state.status === 'not_defined' || state === doc?.state) return doc;
  return {
    topicId: state.definition.topicId,
    state,
    proof: nextProof(doc?.proof, topicEvent, event.id),
    texts:
      topicEvent.type === 'ConsentTextVersionPublished'
        ? [...(doc?.texts ?? []), textOf(topicEvent)]
        : (doc?.texts ?? []),
    updatedAt: timeOf(topicEvent),
  };
}

/** A redelivered definition or version changes nothing (the domain never records either twice). */
function alreadyApplied(doc: TopicDocument, event: TopicEvent): boolean {
  if (event.type === 'TopicDefined') return true;
  return (
    event.type === 'ConsentTextVersionPublished' && doc.proof.versions.some((v) => v.version === event.data.version)
  );
}

function nextProof(proof: TopicProof | undefined, event: TopicEvent, eventId: string): TopicProof {
  switch (event.type) {
    case 'TopicDefined':
      return { defined: eventId, versions: [] };
    case 'ConsentTextVersionPublished':
      return { ...proof!, versions: [...proof!.versions, { version: event.data.version, eventId }] };
    case 'TopicRetired':
      return { ...proof!, retired: eventId };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function textOf({ data }: Extract<TopicEvent, { type: 'ConsentTextVersionPublished' }>): TopicText {
  return { version: data.version, text: data.text };
}

function timeOf(event: TopicEvent): string {
  switch (event.type) {
    case 'TopicDefined':
      return event.data.definedAt;
    case 'ConsentTextVersionPublished':
      return event.data.publishedAt;
    case 'TopicRetired':
      return event.data.retiredAt;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

export function topicReadView(doc: TopicDocument): TopicReadView | undefined {
  const view = toTopicDetail(doc.state);
  return view && { ...view, proof: doc.proof, texts: doc.texts };
}

export async function getTopic(store: ReadStore, topicId: string): Promise<TopicReadView | undefined> {
  const found = await store.get<TopicDocument>(TOPICS, topicId);
  return found && topicReadView(found.doc);
}

/** Every topic (there are few): paged through the id order. */
export async function listTopics(store: ReadStore): Promise<TopicReadView[]> {
  const views: TopicReadView[] = [];
  let after: string | undefined;
  do {
    const page = await store.find<TopicDocument>(TOPICS, {}, { after, limit: 1000 });
    for (const item of page.items) {
      const view = topicReadView(item.doc);
      if (view) views.push(view);
    }
    after = page.next;
  } while (after !== undefined);
  return views;
}
