import { compact } from '../shared/compact';
import { refuse } from '../shared/error-codes';
import { optionalText, requireSha256Hex } from '../shared/text';
import { hasPassed } from '../shared/time';
import { findTextVersion, type TopicView } from '../topic/topic.view';
import type { ConfirmDoubleOptIn, ExpireDoubleOptIn } from './double-opt-in.commands';
import type { ConsentGranted } from './consent.events';
import { requireParentalAuthorisation } from './parental-authorisation';
import type { SubjectEvent } from './subject.events';
import { requireActiveContactPoint, requireActiveTopic, requireRegistered } from './subject.guards';
import type { DoubleOptInRequest, SubjectState } from './subject.state';

/** The application resolves a public confirmation link to the request (and so to its topic) with this. */
export function findDoubleOptInByTokenHash(state: SubjectState, tokenHash: string): DoubleOptInRequest | undefined {
  if (state.status !== 'registered') return undefined;
  return Object.values(state.doubleOptIns).find((request) => request.tokenHash === tokenHash);
}

export function confirmDoubleOptIn({ data, metadata }: ConfirmDoubleOptIn, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const request = requirePending(
    state,
    requireSha256Hex(data.tokenHash, 'DOUBLE_OPT_IN.TOKEN_HASH_INVALID', 'tokenHash'),
    metadata.now,
  );
  const topic = requireActiveTopic(metadata.topic, request.scope.topicId, request.scope.channel);
  // The address may have been removed since the link was sent: then nothing can be confirmed for it.
  requireActiveContactPoint(subject, request.scope.contactPointId);
  // The age may have been recorded after the link was sent.
  requireParentalAuthorisation(subject.profile, topic, undefined, metadata, 'tokenHash');
  const ipAddress = optionalText(data.ipAddress, 'INPUT.TEXT_INVALID', 'ipAddress', 64);
  const userAgent = optionalText(data.userAgent, 'INPUT.TEXT_INVALID', 'userAgent', 1_000);
  const { subjectId } = subject;
  const { requestId } = request;
  return [
    {
      type: 'DoubleOptInConfirmed',
      data: compact({ subjectId, requestId, ipAddress, userAgent, confirmedAt: metadata.now }),
    },
    { type: 'ConsentGranted', data: grantFrom(subjectId, request, topic, { ipAddress, userAgent, now: metadata.now }) },
  ];
}

function requirePending(state: SubjectState, tokenHash: string, now: string): DoubleOptInRequest {
  const request = findDoubleOptInByTokenHash(state, tokenHash);
  if (request === undefined) refuse('DOUBLE_OPT_IN.TOKEN_UNKNOWN', 'unknown double opt-in token', 'tokenHash');
  if (request.status === 'confirmed')
    refuse('DOUBLE_OPT_IN.TOKEN_USED', 'this double opt-in token was already used', 'tokenHash');
  if (request.status === 'expired' || hasPassed(request.expiresAt, now)) {
    refuse('DOUBLE_OPT_IN.TOKEN_EXPIRED', 'this double opt-in token has expired', 'tokenHash');
  }
  return request;
}

/**
 * The confirmation is the affirmative act, on the text version the request was sent with. A
 * material version published in between makes the grant `reconsent-required` at once, derived.
 */
function grantFrom(
  subjectId: string,
  request: DoubleOptInRequest,
  topic: TopicView,
  act: { ipAddress?: string; userAgent?: string; now: string },
): ConsentGranted['data'] {
  const text = findTextVersion(topic, request.textVersion);
  if (text === undefined)
    refuse('CONSENT.TEXT_VERSION_UNKNOWN', `topic ${topic.id} has no text version ${request.textVersion}`);
  const { requestId, sourceSystem, formId } = request;
  const evidence = compact({
    method: 'double_opt_in' as const,
    capturedAt: act.now,
    sourceSystem,
    formId,
    textVersion: text.version,
    textHash: text.textHash,
    ipAddress: act.ipAddress,
    userAgent: act.userAgent,
    affirmativeAction: true as const,
    doubleOptInRequestId: requestId,
  });
  return {
    subjectId,
    ...request.scope,
    evidence,
    topicMaterialVersion: topic.currentMaterialVersion,
    grantedAt: act.now,
  };
}

/** Records the lapse once it has happened; before that, or after a confirmation, nothing. */
export function expireDoubleOptIn({ data, metadata }: ExpireDoubleOptIn, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const request = subject.doubleOptIns[data.requestId];
  if (request === undefined)
    refuse('DOUBLE_OPT_IN.REQUEST_NOT_FOUND', `request ${data.requestId} not found`, 'requestId');
  if (request.status !== 'pending' || !hasPassed(request.expiresAt, metadata.now)) return [];
  return [
    {
      type: 'DoubleOptInExpired',
      data: { subjectId: subject.subjectId, requestId: request.requestId, expiredAt: request.expiresAt },
    },
  ];
}
