import { fold, T0, T1, T2, topicEvent } from './projection.fixtures';
import type { ProjectedEvent } from './read-model';
import { TOPICS, topicReadView, topicsModel, type TopicDocument } from './topics';

const defined = (overrides: Record<string, unknown> = {}) =>
  topicEvent('newsletter', 'TopicDefined', {
    title: 'Newsletter',
    description: 'News',
    allowedChannels: ['email'],
    legalBasis: 'consent',
    personalFields: [],
    retentionDays: 730,
    definedAt: T0,
    ...overrides,
  });
const published = (version: number, change: 'material' | 'editorial') =>
  topicEvent('newsletter', 'ConsentTextVersionPublished', {
    version,
    text: `v${version}`,
    textHash: '1'.repeat(64),
    language: 'en',
    change,
    publishedAt: T1,
  });

function topicAfter(...events: ProjectedEvent[]): TopicDocument | undefined {
  return fold(topicsModel, events).get(`${TOPICS}/newsletter`);
}

describe('topics read model', () => {
  it('TopicDefined: holds the definition and the event that proves it', () => {
    const event = defined();
    const doc = topicAfter(event)!;
    expect(topicReadView(doc)).toMatchObject({
      id: 'newsletter',
      legalBasis: 'consent',
      status: 'active',
      currentVersion: 0,
      proof: { defined: event.id, versions: [] },
    });
    expect(doc.updatedAt).toBe(T0);
  });

  it('ConsentTextVersionPublished: a material version moves the current material version, an editorial one does not', () => {
    const v1 = published(1, 'material');
    const v2 = published(2, 'editorial');
    const view = topicReadView(topicAfter(defined(), v1, v2)!)!;
    expect(view).toMatchObject({ currentVersion: 2, currentMaterialVersion: 1 });
    expect(view.proof.versions).toEqual([
      { version: 1, eventId: v1.id },
      { version: 2, eventId: v2.id },
    ]);
  });

  it('TopicDefined: states the declarations, reading a definition without them as "no" (Art. 8, 21(2), 22)', () => {
    const automatedDecision = { logic: 'scoring', consequences: 'discount size' };
    const declared = defined({ profiling: true, automatedDecision, offeredToChildren: true });
    expect(topicReadView(topicAfter(declared)!)).toMatchObject({
      profiling: true,
      automatedDecision,
      offeredToChildren: true,
    });
    expect(topicReadView(topicAfter(defined())!)).toMatchObject({ profiling: false, offeredToChildren: false });
  });

  it('ConsentTextVersionPublished before the definition is ignored', () => {
    expect(topicAfter(published(1, 'material'))).toBeUndefined();
  });

  it('TopicRetired: marks the topic retired with the event', () => {
    const retired = topicEvent('newsletter', 'TopicRetired', { retiredAt: T2 });
    const doc = topicAfter(defined(), retired)!;
    expect(topicReadView(doc)).toMatchObject({ status: 'retired', proof: { retired: retired.id } });
    expect(doc.updatedAt).toBe(T2);
  });

  it('ignores streams that are not topics', () => {
    expect(topicsModel.keysOf({ ...defined(), stream: 'subject-1' })).toEqual([]);
  });

  describe('replay', () => {
    const history = () => [
      defined(),
      published(1, 'material'),
      published(2, 'material'),
      topicEvent('newsletter', 'TopicRetired', { retiredAt: T2 }),
    ];

    it('is idempotent when run twice', () => {
      const events = history();
      const once = fold(topicsModel, events);
      expect(fold(topicsModel, events, once)).toEqual(once);
      expect(
        fold(
          topicsModel,
          events.flatMap((e) => [e, e]),
        ),
      ).toEqual(once);
    });

    it('yields the same documents from a full replay as from batches', () => {
      const events = history();
      const batched = fold(topicsModel, events.slice(2), fold(topicsModel, events.slice(0, 2)));
      expect(fold(topicsModel, events)).toEqual(batched);
    });
  });
});
