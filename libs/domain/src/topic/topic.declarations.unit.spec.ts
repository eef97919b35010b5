import { deciderSpec, foldEvents } from '#testing';
import { topicDecider } from './topic.decider';
import { NOW, defineTopic, definition, topicDefined } from './topic.fixtures';
import { toTopicView } from './topic.view';

const spec = deciderSpec(topicDecider);
const automatedDecision = {
  logic: 'A score from past orders decides which discount is offered',
  consequences: 'A lower score means a smaller discount; no one is refused service',
};

describe('DefineTopic: declarations (Art. 8, 21(2), 22)', () => {
  it('records profiling, an automated decision with its logic, and a service offered to children', () => {
    spec
      .given([])
      .when(defineTopic({ profiling: true, automatedDecision, offeredToChildren: true }))
      .then([
        {
          type: 'TopicDefined',
          data: { ...definition, profiling: true, automatedDecision, offeredToChildren: true, definedAt: NOW },
        },
      ]);
  });

  it('records nothing for declarations that say no', () => {
    spec
      .given([])
      .when(defineTopic({ profiling: false, offeredToChildren: false }))
      .then([{ type: 'TopicDefined', data: { ...definition, definedAt: NOW } }]);
  });

  it.each([
    ['TOPIC.DECLARATION_INVALID', 'profiling', { profiling: 'yes' as never }],
    ['TOPIC.DECLARATION_INVALID', 'offeredToChildren', { offeredToChildren: 1 as never }],
    ['TOPIC.AUTOMATED_DECISION_INVALID', 'automatedDecision', { automatedDecision: 'scoring' as never }],
    [
      'TOPIC.AUTOMATED_DECISION_INVALID',
      'automatedDecision.logic',
      { automatedDecision: { logic: ' ', consequences: 'x' } },
    ],
    [
      'TOPIC.AUTOMATED_DECISION_INVALID',
      'automatedDecision.consequences',
      { automatedDecision: { logic: 'x' } as never },
    ],
  ])('refuses an invalid declaration: %s on %s', (code, field, data) => {
    spec.given([]).when(defineTopic(data)).thenThrows(code, { kind: 'invalid', field });
  });

  it('a definition recorded before the declarations existed, retried with "no", records nothing', () => {
    spec
      .given([topicDefined()])
      .when(defineTopic({ profiling: false, offeredToChildren: false }))
      .thenNothing();
  });

  it('refuses to declare profiling on a topic defined without it', () => {
    spec
      .given([topicDefined()])
      .when(defineTopic({ profiling: true }))
      .thenThrows('TOPIC.ALREADY_DEFINED', { kind: 'conflict' });
  });
});

describe('TopicView: declarations', () => {
  it('reads an old definition without the fields as "no"', () => {
    const view = toTopicView(foldEvents(topicDecider, [topicDefined()]));
    expect(view).toMatchObject({ profiling: false, offeredToChildren: false });
    expect(view).not.toHaveProperty('automatedDecision');
  });

  it('carries what the definition declared', () => {
    const defined = topicDefined({ profiling: true, automatedDecision, offeredToChildren: true });
    expect(toTopicView(foldEvents(topicDecider, [defined]))).toMatchObject({
      profiling: true,
      automatedDecision,
      offeredToChildren: true,
    });
  });
});
