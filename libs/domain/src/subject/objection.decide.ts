import { requireChannel } from '../shared/channel';
import { compact } from '../shared/compact';
import { refuse } from '../shared/error-codes';
import { optionalText } from '../shared/text';
import { validActEvidence } from './act-evidence';
import type { ObjectionScopeInput, RaiseObjection } from './consent.commands';
import { OBJECTION_KINDS, type ObjectionScope } from './consent.events';
import type { SubjectEvent } from './subject.events';
import { requireRegistered, requireTopic } from './subject.guards';
import { objectionKey, type SubjectState } from './subject.state';

/**
 * Art. 21(2)-(3): an objection to direct marketing needs no grounds and takes effect at once; it
 * is recorded as given and contactability checks it, whatever consents exist.
 */
export function raiseObjection({ data, metadata }: RaiseObjection, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const scope = validScope(data.scope, metadata);
  const reason = optionalText(data.reason, 'INPUT.TEXT_INVALID', 'reason', 2_000);
  const evidence = validActEvidence(data.evidence);
  if (subject.objections[objectionKey(scope)] !== undefined) return [];
  const raised = { subjectId: subject.subjectId, scope, reason, raisedAt: metadata.now, evidence };
  return [{ type: 'ObjectionRaised', data: compact(raised) }];
}

function validScope(scope: ObjectionScopeInput | undefined, metadata: RaiseObjection['metadata']): ObjectionScope {
  switch (scope?.kind) {
    case 'direct_marketing':
      return { kind: 'direct_marketing' };
    case 'topic':
      return { kind: 'topic', topicId: requireTopic(metadata.topic, scope.topicId, 'scope.topicId').id };
    case 'channel':
      return { kind: 'channel', channel: requireChannel(scope.channel, metadata.channels, 'scope.channel') };
    case 'profiling':
      return scope.topicId === undefined
        ? { kind: 'profiling' }
        : { kind: 'profiling', topicId: requireTopic(metadata.topic, scope.topicId, 'scope.topicId').id };
    default:
      return refuse('OBJECTION.SCOPE_INVALID', `scope.kind must be one of ${OBJECTION_KINDS.join(', ')}`, 'scope.kind');
  }
}
