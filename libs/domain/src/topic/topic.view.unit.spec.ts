import { foldEvents } from '#testing';
import { topicDecider } from './topic.decider';
import { HASH_1, HASH_2, HASH_3, definition, topicDefined, topicRetired, versionPublished } from './topic.fixtures';
import { toTopicView } from './topic.view';

describe('TopicView (evolve-derived)', () => {
  it('has no view before the topic is defined', () => {
    expect(toTopicView(foldEvents(topicDecider, []))).toBeUndefined();
  });

  it('tracks the current and the current material version', () => {
    const view = toTopicView(
      foldEvents(topicDecider, [
        topicDefined(),
        versionPublished(1, 'material', HASH_1),
        versionPublished(2, 'editorial', HASH_2),
      ]),
    );
    expect(view).toMatchObject({ id: 'newsletter', status: 'active', currentVersion: 2, currentMaterialVersion: 1 });
    expect(view?.versions.map((v) => v.textHash)).toEqual([HASH_1, HASH_2]);
  });

  it('a material version moves the material version forward', () => {
    const events = [
      topicDefined(),
      versionPublished(1),
      versionPublished(2, 'editorial', HASH_2),
      versionPublished(3, 'material', HASH_3),
    ];
    expect(toTopicView(foldEvents(topicDecider, events))).toMatchObject({
      currentVersion: 3,
      currentMaterialVersion: 3,
    });
  });

  it('treats the first text as material even when labelled editorial', () => {
    const view = toTopicView(foldEvents(topicDecider, [topicDefined(), versionPublished(1, 'editorial')]));
    expect(view).toMatchObject({ currentVersion: 1, currentMaterialVersion: 1 });
  });

  it('carries the definition and reports a retired topic as retired', () => {
    const view = toTopicView(foldEvents(topicDecider, [topicDefined(), topicRetired()]));
    expect(view).toMatchObject({
      status: 'retired',
      title: definition.title,
      allowedChannels: definition.allowedChannels,
      legalBasis: 'consent',
      personalFields: definition.personalFields,
      retentionDays: 730,
      currentVersion: 0,
    });
  });
});
