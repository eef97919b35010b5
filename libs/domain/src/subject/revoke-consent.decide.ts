import { requireChannel } from '../shared/channel';
import { compact } from '../shared/compact';
import { refuse } from '../shared/error-codes';
import { optionalText } from '../shared/text';
import { validActEvidence } from './act-evidence';
import type { RevokeConsent } from './consent.commands';
import type { SubjectEvent } from './subject.events';
import { requireRegistered } from './subject.guards';
import type { ConsentRecord, SubjectState } from './subject.state';

/**
 * Art. 7(3): withdrawing must be as easy as giving, so no reason is required, and leaving out the
 * channel or contact point withdraws every matching consent at once.
 */
export function revokeConsent({ data, metadata }: RevokeConsent, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  if (data.channel !== undefined) requireChannel(data.channel, metadata.channels);
  const reason = optionalText(data.reason, 'INPUT.TEXT_INVALID', 'reason', 2_000);
  const evidence = validActEvidence(data.evidence);
  const matching = Object.values(subject.consents).filter((record) => matches(record, data));
  const granted = matching.filter((record) => record.status === 'granted');
  if (granted.length === 0 && !matching.some((record) => record.status === 'revoked')) {
    refuse('CONSENT.NOT_GRANTED', `no consent for ${data.topicId} was ever granted`, 'topicId');
  }
  return granted.map(({ scope }) => ({
    type: 'ConsentRevoked',
    data: compact({ subjectId: subject.subjectId, ...scope, reason, revokedAt: metadata.now, evidence }),
  }));
}

function matches({ scope }: ConsentRecord, wanted: RevokeConsent['data']): boolean {
  return (
    scope.topicId === wanted.topicId &&
    (wanted.channel === undefined || scope.channel === wanted.channel) &&
    (wanted.contactPointId === undefined || scope.contactPointId === wanted.contactPointId)
  );
}
