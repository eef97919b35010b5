import { toTopicView, topicDecider, topicStreamName, type TopicEvent, type TopicView } from '#domain';
import type { CommandExecutor } from '../commands/command-executor';
import { plainCodec } from '../commands/event-codec';

export interface TopicText {
  version: number;
  language: string;
  textHash: string;
  text: string;
}

/** A topic as an export shows it: the view plus its description and every consent text. */
export interface TopicRecord {
  view: TopicView;
  description: string;
  texts: Map<number, TopicText>;
}

/** Reads topic streams once per id; topics hold no personal data, so no key is involved. */
export async function loadTopicRecords(
  executor: CommandExecutor,
  topicIds: Iterable<string>,
): Promise<Map<string, TopicRecord>> {
  const records = new Map<string, TopicRecord>();
  for (const topicId of new Set(topicIds)) {
    const { state, recorded } = await executor.load(topicStreamName(topicId), topicDecider, plainCodec);
    const view = toTopicView(state);
    if (view === undefined) continue;
    const events = recorded.map(({ type, data }) => ({ type, data }) as unknown as TopicEvent);
    records.set(topicId, { view, description: descriptionOf(events), texts: textsOf(events) });
  }
  return records;
}

function descriptionOf(events: readonly TopicEvent[]): string {
  const defined = events.find((event) => event.type === 'TopicDefined');
  return defined?.type === 'TopicDefined' ? defined.data.description : '';
}

function textsOf(events: readonly TopicEvent[]): Map<number, TopicText> {
  const texts = new Map<number, TopicText>();
  for (const event of events) {
    if (event.type !== 'ConsentTextVersionPublished') continue;
    const { version, language, textHash, text } = event.data;
    texts.set(version, { version, language, textHash, text });
  }
  return texts;
}
