import { subjectPersonalFields, SubjectEventType } from './subject/subject.events';
import { topicPersonalFields, TopicEventType } from './topic/topic.events';
import { isSubjectStream, isTopicStream, subjectIdOf, subjectStreamName, topicIdOf, topicStreamName } from './streams';

describe('stream names', () => {
  it('gives back the id a subject or topic stream was named from', () => {
    const id = '6f1c2b8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b';
    expect(subjectIdOf(subjectStreamName(id))).toBe(id);
    expect(topicIdOf(topicStreamName('newsletter'))).toBe('newsletter');
  });

  it('tells subject streams from topic streams', () => {
    expect([isSubjectStream(subjectStreamName('a')), isTopicStream(subjectStreamName('a'))]).toEqual([true, false]);
    expect([isSubjectStream(topicStreamName('a')), isTopicStream(topicStreamName('a'))]).toEqual([false, true]);
  });
});

describe('event type names', () => {
  it('name every subject and topic event type by itself', () => {
    expect(Object.entries(SubjectEventType).filter(([key, value]) => key !== value)).toEqual([]);
    expect(Object.keys(SubjectEventType)).toEqual(Object.keys(subjectPersonalFields));
    expect(Object.keys(TopicEventType)).toEqual(Object.keys(topicPersonalFields));
    expect(SubjectEventType.SubjectErased).toBe('SubjectErased');
  });
});
