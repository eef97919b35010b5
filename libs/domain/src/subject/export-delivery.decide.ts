import { refuse } from '../shared/error-codes';
import { requireId } from '../shared/ids';
import { requireSha256Hex } from '../shared/text';
import { hasPassed, instant, requireIsoTimestamp } from '../shared/time';
import { requireRequest } from './dsr.decide';
import type { DeliverExport, OpenExportDelivery } from './export-delivery.commands';
import type { ExportDeliveryRequested } from './export-delivery.events';
import type { DataSubjectRequest, ExportDelivery } from './privacy.state';
import type { SubjectEvent } from './subject.events';
import { requireActiveContactPoint, requireMatchingChannel, requireRegistered } from './subject.guards';
import type { ContactPoint, RegisteredSubject, SubjectState } from './subject.state';

const COPY_KINDS: ReadonlyArray<DataSubjectRequest['kind']> = ['access', 'portability'];

/**
 * Art. 15(3), 12(3): the copy goes to the person's e-mail address as a single-use link, and
 * sending it fulfils the request it answers (or, when none is named, every open access request).
 */
export function deliverExport({ data, metadata }: DeliverExport, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const deliveryId = requireId(data.deliveryId, 'deliveryId');
  const expiresAt = requireIsoTimestamp(data.expiresAt, 'INPUT.TEXT_INVALID', 'expiresAt');
  if (instant(expiresAt) <= instant(metadata.now))
    refuse('INPUT.TEXT_INVALID', 'expiresAt must lie ahead', 'expiresAt');
  const point = mailAddressOf(subject, data.contactPointId);
  if (subject.exportDeliveries[deliveryId] !== undefined) return [];
  const requests = answeredRequests(subject, data.requestId);
  const { subjectId } = subject;
  const requested: ExportDeliveryRequested = {
    type: 'ExportDeliveryRequested',
    data: {
      subjectId,
      deliveryId,
      contactPointId: point.contactPointId,
      tokenHash: requireSha256Hex(data.tokenHash, 'INPUT.TEXT_INVALID', 'tokenHash'),
      expiresAt,
      requestIds: requests.map((request) => request.requestId),
      requestedBy: requireId(data.requestedBy, 'requestedBy'),
      requestedAt: metadata.now,
    },
  };
  return [requested, ...fulfilments(subjectId, requests, metadata.now)];
}

/** Art. 12(3): the copy sent answers the open ones among the requests it names. */
function fulfilments(subjectId: string, requests: DataSubjectRequest[], now: string): SubjectEvent[] {
  return requests
    .filter((request) => request.status === 'open')
    .map(({ requestId }) => ({
      type: 'DataSubjectRequestFulfilled',
      data: { subjectId, requestId, fulfilledAt: now },
    }));
}

/** Art. 12(1): a link is used once and only until it expires; a scanner's GET never reaches here. */
export function openExportDelivery({ data, metadata }: OpenExportDelivery, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const delivery = findDeliveryByTokenHash(subject, data.tokenHash);
  if (delivery === undefined) refuse('EXPORT_LINK.UNKNOWN', 'unknown download link', 'token');
  if (delivery.status === 'opened') refuse('EXPORT_LINK.USED', 'this download link was already used', 'token');
  if (hasPassed(delivery.expiresAt, metadata.now))
    refuse('EXPORT_LINK.EXPIRED', 'this download link has expired', 'token');
  return [
    {
      type: 'ExportDeliveryOpened',
      data: { subjectId: subject.subjectId, deliveryId: delivery.deliveryId, openedAt: metadata.now },
    },
  ];
}

export function findDeliveryByTokenHash(subject: RegisteredSubject, tokenHash: unknown): ExportDelivery | undefined {
  return Object.values(subject.exportDeliveries).find((delivery) => delivery.tokenHash === tokenHash);
}

function mailAddressOf(
  subject: RegisteredSubject,
  contactPointId: string | undefined,
): ContactPoint & { status: 'active' } {
  if (contactPointId !== undefined) {
    const point = requireActiveContactPoint(subject, contactPointId);
    requireMatchingChannel(point, 'email');
    return point;
  }
  const first = Object.values(subject.contactPoints).find((p) => p.status === 'active' && p.channel === 'email');
  if (first?.status !== 'active')
    refuse('EXPORT.NO_EMAIL_ADDRESS', 'the subject has no active e-mail address to send the copy to', 'contactPointId');
  return first;
}

function answeredRequests(subject: RegisteredSubject, requestId: string | undefined): DataSubjectRequest[] {
  if (requestId === undefined)
    return Object.values(subject.requests).filter((r) => r.kind === 'access' && r.status === 'open');
  const request = requireRequest(subject, requestId);
  if (!COPY_KINDS.includes(request.kind))
    refuse('REQUEST.KIND_MISMATCH', `request ${request.requestId} is a ${request.kind} request`, 'requestId');
  return [request];
}
