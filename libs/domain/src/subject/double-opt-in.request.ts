import { requireChannel } from '../shared/channel';
import { compact } from '../shared/compact';
import { refuse } from '../shared/error-codes';
import { requireId } from '../shared/ids';
import { optionalText, requireSha256Hex, requireText } from '../shared/text';
import { instant, requireIsoTimestamp } from '../shared/time';
import type { RequestDoubleOptIn } from './double-opt-in.commands';
import type { DoubleOptInRequested } from './double-opt-in.events';
import { requireParentalAuthorisation } from './parental-authorisation';
import type { SubjectEvent } from './subject.events';
import {
  requireActiveContactPoint,
  requireActiveTopic,
  requireCurrentText,
  requireMatchingChannel,
  requireRegistered,
} from './subject.guards';
import type { RegisteredSubject, SubjectState } from './subject.state';

type Requested = DoubleOptInRequested['data'];

export function requestDoubleOptIn(command: RequestDoubleOptIn, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const requested: Requested = {
    ...validRequest(command, subject),
    subjectId: subject.subjectId,
    requestedAt: command.metadata.now,
  };
  const existing = subject.doubleOptIns[requested.requestId];
  // A retried request (same id, same token) records nothing; a changed one must not replace the first.
  if (existing !== undefined && existing.tokenHash === requested.tokenHash) return [];
  if (existing !== undefined)
    refuse('DOUBLE_OPT_IN.REQUEST_EXISTS', `request ${requested.requestId} exists`, 'requestId');
  if (Object.values(subject.doubleOptIns).some((request) => request.tokenHash === requested.tokenHash)) {
    refuse('DOUBLE_OPT_IN.REQUEST_EXISTS', 'this token was already issued; tokens are single-use', 'tokenHash');
  }
  return [{ type: 'DoubleOptInRequested', data: requested }];
}

function validRequest(
  { data, metadata }: RequestDoubleOptIn,
  subject: RegisteredSubject,
): Omit<Requested, 'subjectId' | 'requestedAt'> {
  const requestId = requireId(data.requestId, 'requestId');
  const tokenHash = requireSha256Hex(data.tokenHash, 'DOUBLE_OPT_IN.TOKEN_HASH_INVALID', 'tokenHash');
  const expiresAt = requireIsoTimestamp(data.expiresAt, 'DOUBLE_OPT_IN.EXPIRY_INVALID', 'expiresAt');
  if (instant(expiresAt) <= instant(metadata.now))
    refuse('DOUBLE_OPT_IN.EXPIRY_INVALID', 'expiresAt must lie in the future', 'expiresAt');
  const channel = requireChannel(data.channel, metadata.channels);
  const topic = requireActiveTopic(metadata.topic, data.topicId, channel);
  const point = requireActiveContactPoint(subject, data.contactPointId);
  requireMatchingChannel(point, channel);
  const { contactPointId } = point;
  const { version: textVersion } = requireCurrentText(topic, data.textVersion, 'textVersion');
  requireParentalAuthorisation(subject.profile, topic, undefined, metadata, 'topicId');
  const sourceSystem = requireText(data.sourceSystem, 'EVIDENCE.SOURCE_REQUIRED', 'sourceSystem', 200);
  const formId = optionalText(data.formId, 'INPUT.TEXT_INVALID', 'formId', 200);
  return compact({
    requestId,
    topicId: topic.id,
    channel,
    contactPointId,
    tokenHash,
    textVersion,
    sourceSystem,
    formId,
    expiresAt,
  });
}
