import { requireChannel } from '../shared/channel';
import { compact } from '../shared/compact';
import { refuse } from '../shared/error-codes';
import { requireId } from '../shared/ids';
import { oneOf, optionalText, requireText, sameJson } from '../shared/text';
import { BLOCK_REFERENCE_KINDS, type BlockReference, type BlockScope } from './block.events';
import { validActEvidence } from './act-evidence';
import type { BlockScopeInput, LiftContactBlock, SetContactBlock } from './block.commands';
import type { SubjectEvent } from './subject.events';
import { requireActiveContactPoint, requireRegistered, requireTopic } from './subject.guards';
import type { RegisteredSubject, SubjectState } from './subject.state';

export function setContactBlock({ data, metadata }: SetContactBlock, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const block = {
    blockId: requireId(data.blockId, 'blockId'),
    scope: validScope(data.scope, subject, metadata),
    reason: requireText(data.reason, 'BLOCK.REASON_REQUIRED', 'reason', 2_000),
    reference: validReference(data.reference),
  };
  const existing = subject.blocks[block.blockId];
  const evidence = validActEvidence(data.evidence);
  if (existing === undefined)
    return [
      {
        type: 'ContactBlockSet',
        data: compact({ subjectId: subject.subjectId, ...block, setAt: metadata.now, evidence }),
      },
    ];
  const { blockId, scope, reason, reference } = existing;
  if (existing.status === 'active' && sameJson({ blockId, scope, reason, reference }, block)) return [];
  return refuse('BLOCK.ALREADY_EXISTS', `block ${block.blockId} already exists`, 'blockId');
}

export function liftContactBlock({ data, metadata }: LiftContactBlock, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const block = subject.blocks[data.blockId];
  if (block === undefined) refuse('BLOCK.NOT_FOUND', `block ${data.blockId} not found`, 'blockId');
  if (block.status === 'lifted') return [];
  const reason = optionalText(data.reason, 'INPUT.TEXT_INVALID', 'reason', 2_000);
  return [
    {
      type: 'ContactBlockLifted',
      data: compact({ subjectId: subject.subjectId, blockId: block.blockId, reason, liftedAt: metadata.now }),
    },
  ];
}

function validScope(
  scope: BlockScopeInput | undefined,
  subject: RegisteredSubject,
  metadata: SetContactBlock['metadata'],
): BlockScope {
  switch (scope?.kind) {
    case 'global':
      return { kind: 'global' };
    case 'channel':
      return { kind: 'channel', channel: requireChannel(scope.channel, metadata.channels, 'scope.channel') };
    case 'contact_point':
      return {
        kind: 'contact_point',
        contactPointId: requireActiveContactPoint(subject, scope.contactPointId, 'scope.contactPointId').contactPointId,
      };
    case 'topic':
      return { kind: 'topic', topicId: requireTopic(metadata.topic, scope.topicId, 'scope.topicId').id };
    default:
      return refuse('BLOCK.SCOPE_INVALID', 'scope.kind must be global, channel, contact_point or topic', 'scope.kind');
  }
}

/** The block's proof: the communication, request or complaint that caused it. */
function validReference(reference: BlockReference | undefined): BlockReference {
  if (
    !oneOf(reference?.kind, BLOCK_REFERENCE_KINDS) ||
    typeof reference.id !== 'string' ||
    reference.id.trim() === ''
  ) {
    refuse(
      'BLOCK.REFERENCE_INVALID',
      `reference needs a kind (${BLOCK_REFERENCE_KINDS.join(', ')}) and an id`,
      'reference',
    );
  }
  return { kind: reference.kind, id: reference.id };
}
