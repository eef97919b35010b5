import { compact } from '../shared/compact';
import { refuse } from '../shared/error-codes';
import { requireId } from '../shared/ids';
import { optionalText, requireText } from '../shared/text';
import { hasPassed, requireIsoTimestamp } from '../shared/time';
import type { PlaceLegalHold, ReleaseLegalHold } from './legal-hold.commands';
import type { SubjectEvent } from './subject.events';
import { requireRegistered } from './subject.guards';
import type { SubjectState } from './subject.state';

/** Art. 17(3)(b), (e): a hold needs its legal ground as a reason and an end; it cannot end in the past. */
export function placeLegalHold({ data, metadata }: PlaceLegalHold, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const hold = {
    holdId: requireId(data.holdId, 'holdId', 'LEGAL_HOLD.ID_INVALID'),
    reason: requireText(data.reason, 'LEGAL_HOLD.REASON_REQUIRED', 'reason', 2_000),
    until: requireIsoTimestamp(data.until, 'LEGAL_HOLD.UNTIL_INVALID', 'until'),
    placedBy: requireId(data.placedBy, 'placedBy'),
  };
  if (hasPassed(hold.until, metadata.now)) refuse('LEGAL_HOLD.UNTIL_INVALID', 'until must lie in the future', 'until');
  const existing = subject.legalHolds[hold.holdId];
  if (existing === undefined)
    return [{ type: 'LegalHoldPlaced', data: { subjectId: subject.subjectId, ...hold, placedAt: metadata.now } }];
  const same = existing.status === 'placed' && existing.reason === hold.reason && existing.until === hold.until;
  return same ? [] : refuse('LEGAL_HOLD.ALREADY_EXISTS', `legal hold ${hold.holdId} already exists`, 'holdId');
}

export function releaseLegalHold({ data, metadata }: ReleaseLegalHold, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const hold = subject.legalHolds[data.holdId];
  if (hold === undefined) refuse('LEGAL_HOLD.NOT_FOUND', `legal hold ${data.holdId} not found`, 'holdId');
  if (hold.status === 'released') return [];
  const reason = optionalText(data.reason, 'INPUT.TEXT_INVALID', 'reason', 2_000);
  return [
    {
      type: 'LegalHoldReleased',
      data: compact({ subjectId: subject.subjectId, holdId: hold.holdId, reason, releasedAt: metadata.now }),
    },
  ];
}
