import { compact } from '../shared/compact';
import { refuse } from '../shared/error-codes';
import { oneOf } from '../shared/text';
import { requireRequest } from './dsr.decide';
import type { RequestErasure } from './erasure.commands';
import { ERASURE_CAUSES } from './erasure.events';
import { governingHold } from './legal-hold.evolve';
import type { PendingErasure } from './privacy.state';
import type { SubjectEvent } from './subject.events';
import { requireRegistered } from './subject.guards';
import type { RegisteredSubject, SubjectState } from './subject.state';

/**
 * Art. 17: erase unless a legal hold applies (Art. 17(3)); then defer until the hold ends. The
 * application destroys the data key after this decision and before appending `SubjectErased`.
 * If the key is already gone (a crash came between the two), completing the record is the only
 * truthful outcome, whatever holds were placed since.
 */
export function requestErasure({ data, metadata }: RequestErasure, state: SubjectState): SubjectEvent[] {
  if (state.status === 'erased') return [];
  const subject = requireRegistered(state);
  const origin = subject.pendingErasure ?? validOrigin(subject, data, metadata.now);
  const requested: SubjectEvent[] = subject.pendingErasure
    ? []
    : [{ type: 'ErasureRequested', data: compact({ subjectId: subject.subjectId, ...origin }) }];
  const hold = metadata.keyDestroyed ? undefined : governingHold(subject, metadata.now);
  if (hold === undefined) return [...requested, ...erased(subject, origin, metadata.now)];
  const deferral = subject.pendingErasure?.deferral;
  if (deferral?.holdId === hold.holdId && deferral.until === hold.until) return [];
  const { holdId, reason, until } = hold;
  return [
    ...requested,
    {
      type: 'ErasureDeferred',
      data: { subjectId: subject.subjectId, holdId, reason, until, deferredAt: metadata.now },
    },
  ];
}

function validOrigin(subject: RegisteredSubject, data: RequestErasure['data'], now: string): PendingErasure {
  if (!oneOf(data.cause, ERASURE_CAUSES))
    refuse('ERASURE.CAUSE_UNKNOWN', `cause must be one of ${ERASURE_CAUSES.join(', ')}`, 'cause');
  if (data.cause === 'data_subject_request' && data.requestId === undefined) {
    refuse(
      'ERASURE.REQUEST_REQUIRED',
      "an erasure on the subject's request names the recorded request (requestId)",
      'requestId',
    );
  }
  if (data.requestId === undefined) return { cause: data.cause, requestedAt: now };
  const request = requireRequest(subject, data.requestId);
  if (request.kind !== 'erasure')
    refuse(
      'REQUEST.KIND_MISMATCH',
      `request ${request.requestId} is a ${request.kind} request, not erasure`,
      'requestId',
    );
  if (request.status === 'rejected') refuse('REQUEST.CLOSED', `request ${request.requestId} was rejected`, 'requestId');
  return { cause: 'data_subject_request', requestId: request.requestId, requestedAt: now };
}

/** The erasure request, if still open, is answered by the erasure itself (Art. 12(3)). */
function erased(subject: RegisteredSubject, origin: PendingErasure, now: string): SubjectEvent[] {
  const { subjectId } = subject;
  const request = origin.requestId === undefined ? undefined : subject.requests[origin.requestId];
  const fulfilled: SubjectEvent[] =
    request?.status === 'open'
      ? [{ type: 'DataSubjectRequestFulfilled', data: { subjectId, requestId: request.requestId, fulfilledAt: now } }]
      : [];
  const others = Object.values(subject.requests).filter(
    (open) => open.status === 'open' && open.requestId !== origin.requestId,
  );
  const closedRequestIds = others.length === 0 ? undefined : others.map((open) => open.requestId);
  const data = compact({
    subjectId,
    cause: origin.cause,
    requestId: origin.requestId,
    closedRequestIds,
    erasedAt: now,
  });
  return [...fulfilled, { type: 'SubjectErased', data }];
}
