import { deciderSpec } from '#testing';
import type { TopicView } from '../topic/topic.view';
import type { RaiseObjection } from './consent.commands';
import type { ObjectionScope } from './consent.events';
import { NOW, SUBJECT_ID, context, newsletter, registered } from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);

const object = (scope: ObjectionScope, topic?: TopicView, reason?: string): RaiseObjection => ({
  type: 'RaiseObjection',
  data: reason === undefined ? { scope } : { scope, reason },
  metadata: { ...context, topic },
});
const raised = (scope: ObjectionScope) => ({
  type: 'ObjectionRaised' as const,
  data: { subjectId: SUBJECT_ID, scope, raisedAt: NOW },
});

describe('RaiseObjection', () => {
  it('records an objection to all direct marketing, effective at once (Art. 21(3))', () => {
    spec
      .given([registered()])
      .when(object({ kind: 'direct_marketing' }))
      .then([raised({ kind: 'direct_marketing' })]);
  });

  it('records an objection to one topic and one channel', () => {
    spec
      .given([registered()])
      .when(object({ kind: 'topic', topicId: 'newsletter' }, newsletter))
      .then([raised({ kind: 'topic', topicId: 'newsletter' })]);
    spec
      .given([registered()])
      .when(object({ kind: 'channel', channel: 'sms' }))
      .then([raised({ kind: 'channel', channel: 'sms' })]);
  });

  it('keeps a reason when one is given', () => {
    spec
      .given([registered()])
      .when(object({ kind: 'direct_marketing' }, undefined, 'I never asked'))
      .then([
        {
          type: 'ObjectionRaised',
          data: { subjectId: SUBJECT_ID, scope: { kind: 'direct_marketing' }, reason: 'I never asked', raisedAt: NOW },
        },
      ]);
  });

  it('refuses an unknown scope', () => {
    spec
      .given([registered()])
      .when(object({ kind: 'everything' } as never))
      .thenThrows('OBJECTION.SCOPE_INVALID', { field: 'scope.kind' });
  });

  it('refuses an unknown topic or channel', () => {
    spec
      .given([registered()])
      .when(object({ kind: 'topic', topicId: 'surveys' }, newsletter))
      .thenThrows('TOPIC.NOT_FOUND', { field: 'scope.topicId' });
    spec
      .given([registered()])
      .when(object({ kind: 'channel', channel: 'fax' }))
      .thenThrows('CHANNEL.UNKNOWN', { field: 'scope.channel' });
  });

  it('refuses an objection for an unknown subject', () => {
    spec
      .given([])
      .when(object({ kind: 'direct_marketing' }))
      .thenThrows('SUBJECT.NOT_FOUND');
  });

  it('raising the same objection again records nothing', () => {
    spec
      .given([registered(), raised({ kind: 'channel', channel: 'sms' })])
      .when(object({ kind: 'channel', channel: 'sms' }))
      .thenNothing();
  });

  it('records an objection to profiling alone, everywhere or for one topic (Art. 21(2))', () => {
    spec
      .given([registered()])
      .when(object({ kind: 'profiling' }))
      .then([raised({ kind: 'profiling' })]);
    spec
      .given([registered(), raised({ kind: 'profiling' })])
      .when(object({ kind: 'profiling', topicId: 'newsletter' }, newsletter))
      .then([raised({ kind: 'profiling', topicId: 'newsletter' })]);
  });

  it('refuses an objection to profiling for an unknown topic', () => {
    spec
      .given([registered()])
      .when(object({ kind: 'profiling', topicId: 'surveys' }, newsletter))
      .thenThrows('TOPIC.NOT_FOUND', { field: 'scope.topicId' });
  });

  it('objecting to profiling twice records nothing', () => {
    spec
      .given([registered(), raised({ kind: 'profiling', topicId: 'newsletter' })])
      .when(object({ kind: 'profiling', topicId: 'newsletter' }, newsletter))
      .thenNothing();
  });
});
