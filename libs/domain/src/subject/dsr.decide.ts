import { compact } from '../shared/compact';
import { refuse } from '../shared/error-codes';
import { requireId } from '../shared/ids';
import { oneOf, requireText } from '../shared/text';
import { optionalVisibleName, optionalVisibleText } from '../shared/visible-text';
import { hasPassed, requireIsoTimestamp } from '../shared/time';
import { extendedDueAt, MAX_EXTENSION_MONTHS, requestDueAt } from './dsr.deadline';
import type {
  ExtendDataSubjectRequest,
  FulfilDataSubjectRequest,
  ReceiveDataSubjectRequest,
  RejectDataSubjectRequest,
} from './dsr.commands';
import { REQUEST_CHANNELS, REQUEST_KINDS } from './dsr.events';
import { validActEvidence } from './act-evidence';
import type { DataSubjectRequest } from './privacy.state';
import type { SubjectEvent } from './subject.events';
import { requireRegistered } from './subject.guards';
import type { RegisteredSubject, SubjectState } from './subject.state';

export function receiveRequest({ data, metadata }: ReceiveDataSubjectRequest, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const requestId = requireId(data.requestId, 'requestId', 'REQUEST.ID_INVALID');
  if (!oneOf(data.kind, REQUEST_KINDS))
    refuse('REQUEST.KIND_UNKNOWN', `kind must be one of ${REQUEST_KINDS.join(', ')}`, 'kind');
  if (!oneOf(data.channel, REQUEST_CHANNELS))
    refuse('REQUEST.CHANNEL_UNKNOWN', `channel must be one of ${REQUEST_CHANNELS.join(', ')}`, 'channel');
  const receivedAt = requireIsoTimestamp(data.receivedAt, 'REQUEST.RECEIVED_AT_INVALID', 'receivedAt');
  if (!hasPassed(receivedAt, metadata.now))
    refuse('REQUEST.RECEIVED_AT_INVALID', 'receivedAt must not lie in the future', 'receivedAt');
  const reference =
    data.reference === undefined ? undefined : requireId(data.reference, 'reference', 'REQUEST.REFERENCE_INVALID');
  const details = rectificationDetails(data);
  const evidence = validActEvidence(data.evidence);
  const existing = subject.requests[requestId];
  if (existing !== undefined) {
    const same = existing.kind === data.kind && existing.channel === data.channel && existing.receivedAt === receivedAt;
    return same
      ? []
      : refuse('REQUEST.ALREADY_EXISTS', `request ${requestId} was already recorded differently`, 'requestId');
  }
  const received = {
    subjectId: subject.subjectId,
    requestId,
    kind: data.kind,
    channel: data.channel,
    receivedAt,
    dueAt: requestDueAt(receivedAt),
    reference,
    ...details,
  };
  return [{ type: 'DataSubjectRequestReceived', data: compact({ ...received, recordedAt: metadata.now, evidence }) }];
}

/** Art. 16: what the subject wants corrected; only a rectification request carries it. */
function rectificationDetails({ kind, field, correction }: ReceiveDataSubjectRequest['data']) {
  if (field === undefined && correction === undefined) return {};
  if (kind !== 'rectification')
    refuse('REQUEST.KIND_MISMATCH', 'field and correction belong to a rectification request', 'field');
  return compact({
    field: optionalVisibleName(field, 'INPUT.TEXT_INVALID', 'field', 100),
    correction: optionalVisibleText(correction, 'INPUT.TEXT_INVALID', 'correction', 2_000),
  });
}

/** Art. 12(3): one extension, by one or two months, with the reasons the subject is told. */
export function extendRequest({ data, metadata }: ExtendDataSubjectRequest, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const request = requireOpen(subject, data.requestId);
  if (!Number.isInteger(data.months) || data.months < 1 || data.months > MAX_EXTENSION_MONTHS) {
    refuse('REQUEST.EXTENSION_INVALID', `months must be 1 or ${MAX_EXTENSION_MONTHS}`, 'months');
  }
  const reason = requireText(data.reason, 'REQUEST.REASON_REQUIRED', 'reason', 2_000);
  if (request.extension !== undefined) {
    if (request.extension.months === data.months && request.extension.reason === reason) return [];
    refuse(
      'REQUEST.ALREADY_EXTENDED',
      `request ${request.requestId} was already extended once (Art. 12(3))`,
      'requestId',
    );
  }
  const extendedUntil = extendedDueAt(request.receivedAt, data.months);
  return [
    {
      type: 'DataSubjectRequestExtended',
      data: {
        subjectId: subject.subjectId,
        requestId: request.requestId,
        months: data.months,
        reason,
        extendedUntil,
        extendedAt: metadata.now,
      },
    },
  ];
}

export function fulfilRequest({ data, metadata }: FulfilDataSubjectRequest, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const request = requireRequest(subject, data.requestId);
  if (request.status === 'fulfilled') return [];
  requireOpen(subject, data.requestId);
  return [
    {
      type: 'DataSubjectRequestFulfilled',
      data: { subjectId: subject.subjectId, requestId: request.requestId, fulfilledAt: metadata.now },
    },
  ];
}

export function rejectRequest({ data, metadata }: RejectDataSubjectRequest, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const request = requireRequest(subject, data.requestId);
  const reason = requireText(data.reason, 'REQUEST.REASON_REQUIRED', 'reason', 2_000);
  if (request.status === 'rejected') return [];
  requireOpen(subject, data.requestId);
  return [
    {
      type: 'DataSubjectRequestRejected',
      data: { subjectId: subject.subjectId, requestId: request.requestId, reason, rejectedAt: metadata.now },
    },
  ];
}

export function requireRequest(subject: RegisteredSubject, requestId: unknown): DataSubjectRequest {
  const request = typeof requestId === 'string' ? subject.requests[requestId] : undefined;
  if (request === undefined) refuse('REQUEST.NOT_FOUND', `request ${String(requestId)} not found`, 'requestId');
  return request;
}

function requireOpen(subject: RegisteredSubject, requestId: unknown): Extract<DataSubjectRequest, { status: 'open' }> {
  const request = requireRequest(subject, requestId);
  if (request.status !== 'open')
    refuse('REQUEST.CLOSED', `request ${request.requestId} is already ${request.status}`, 'requestId');
  return request;
}
