import type { Command } from '../shared/message';
import type { ActEvidenceInput } from './act-evidence';
import type { BlockReference, BlockScope } from './block.events';
import type { SubjectContext, TopicContext } from './subject.context';

/** As it arrives: the decider checks that the field its kind names is there. */
export type BlockScopeInput = { kind: BlockScope['kind']; channel?: string; contactPointId?: string; topicId?: string };

/** A topic-scoped block needs the topic's view on the metadata. */
export type SetContactBlock = Command<
  'SetContactBlock',
  { blockId: string; scope: BlockScopeInput; reason: string; reference: BlockReference; evidence?: ActEvidenceInput },
  TopicContext
>;

export type LiftContactBlock = Command<'LiftContactBlock', { blockId: string; reason?: string }, SubjectContext>;

export type BlockCommand = SetContactBlock | LiftContactBlock;
