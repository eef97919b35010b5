import { deciderSpec } from '#testing';
import type { TopicView } from '../topic/topic.view';
import type { LiftContactBlock, SetContactBlock } from './block.commands';
import type { BlockScope } from './block.events';
import { NOW, SUBJECT_ID, context, newsletter, registered } from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);
const reference = { kind: 'complaint' as const, id: 'ticket-4711' };

const block = (scope: BlockScope, data: Partial<SetContactBlock['data']> = {}, topic?: TopicView): SetContactBlock => ({
  type: 'SetContactBlock',
  data: { blockId: 'block-1', scope, reason: 'complained about calls', reference, ...data },
  metadata: { ...context, topic },
});
const blockSet = (scope: BlockScope) => ({
  type: 'ContactBlockSet' as const,
  data: { subjectId: SUBJECT_ID, blockId: 'block-1', scope, reason: 'complained about calls', reference, setAt: NOW },
});
const lift = (blockId = 'block-1'): LiftContactBlock => ({
  type: 'LiftContactBlock',
  data: { blockId },
  metadata: context,
});
const lifted = {
  type: 'ContactBlockLifted' as const,
  data: { subjectId: SUBJECT_ID, blockId: 'block-1', liftedAt: NOW },
};

describe('SetContactBlock', () => {
  it.each<[string, BlockScope]>([
    ['global', { kind: 'global' }],
    ['channel', { kind: 'channel', channel: 'phone' }],
    ['contact_point', { kind: 'contact_point', contactPointId: 'cp-mail' }],
    ['topic', { kind: 'topic', topicId: 'newsletter' }],
  ])('records a %s block with its reason and the reference that caused it', (_kind, scope) => {
    spec
      .given([registered()])
      .when(block(scope, {}, newsletter))
      .then([blockSet(scope)]);
  });

  it.each<[string, string, Partial<SetContactBlock['data']>]>([
    ['BLOCK.SCOPE_INVALID', 'scope.kind', { scope: { kind: 'partial' } as never }],
    ['BLOCK.REASON_REQUIRED', 'reason', { reason: '' }],
    ['BLOCK.REFERENCE_INVALID', 'reference', { reference: { kind: 'rumour', id: 'x' } as never }],
    ['CHANNEL.UNKNOWN', 'scope.channel', { scope: { kind: 'channel', channel: 'fax' } }],
    ['INPUT.ID_INVALID', 'blockId', { blockId: '' }],
  ])('refuses invalid block data: %s on %s', (code, field, data) => {
    spec
      .given([registered()])
      .when(block({ kind: 'global' }, data))
      .thenThrows(code, { kind: 'invalid', field });
  });

  it('refuses a block on a contact point of another subject or an unknown topic', () => {
    spec
      .given([registered()])
      .when(block({ kind: 'contact_point', contactPointId: 'cp-x' }))
      .thenThrows('CONTACT_POINT.NOT_FOUND');
    spec
      .given([registered()])
      .when(block({ kind: 'topic', topicId: 'newsletter' }))
      .thenThrows('TOPIC.NOT_FOUND');
  });

  it('refuses to reuse a block id for a different block', () => {
    spec
      .given([registered(), blockSet({ kind: 'global' })])
      .when(block({ kind: 'channel', channel: 'sms' }))
      .thenThrows('BLOCK.ALREADY_EXISTS', {
        kind: 'conflict',
      });
  });

  it('setting the same block again records nothing', () => {
    spec
      .given([registered(), blockSet({ kind: 'global' })])
      .when(block({ kind: 'global' }))
      .thenNothing();
  });
});

describe('LiftContactBlock', () => {
  it('records the lift', () => {
    spec
      .given([registered(), blockSet({ kind: 'global' })])
      .when(lift())
      .then([lifted]);
  });

  it('refuses an unknown block', () => {
    spec
      .given([registered()])
      .when(lift('block-9'))
      .thenThrows('BLOCK.NOT_FOUND', { kind: 'not_found', field: 'blockId' });
  });

  it('lifting twice records nothing', () => {
    spec
      .given([registered(), blockSet({ kind: 'global' }), lifted])
      .when(lift())
      .thenNothing();
  });
});
