import { createHash } from 'node:crypto';
import {
  consentKey,
  effectiveConsentStatus,
  refusal,
  subjectDecider,
  subjectNotRegistered,
  subjectStreamName,
  type ConsentScope,
  type SubjectEvent,
} from '#domain';
import type { EventStore } from '#event-store';
import type { AuditSettings } from '#runtime';
import { topicAt } from '../history/topic-at';
import { consentHistory } from './consent-history';
import { consentRecordDocument, type ConsentRecordDocument } from './consent-record.document';
import type { ReceiptRequest } from './consent-receipt';

const noRecord = () =>
  refusal('CONSENT_RECORD.NOT_FOUND', 'there is no consent record for this topic, channel and contact point');

/**
 * A name-based UUID (RFC 9562 version 5) in the subject's namespace: the same consent always has
 * the same record id, and the id reveals nothing the subject id does not.
 */
export function consentRecordId(subjectId: string, scope: ConsentScope): string {
  const namespace = Buffer.from(subjectId.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(consentKey(scope), 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Art. 7(1): any consent ever asked for or given, as its ISO/IEC TS 27560 record; 404 when never asked. */
export async function readConsentRecord(
  store: EventStore,
  settings: AuditSettings,
  request: ReceiptRequest,
): Promise<ConsentRecordDocument> {
  const recorded = await store.readStream(subjectStreamName(request.subjectId));
  if (recorded.length === 0) throw subjectNotRegistered();
  const { subjectId, topicId, channel, contactPointId, now } = request;
  const scope: ConsentScope = contactPointId ? { topicId, channel, contactPointId } : { topicId, channel };
  const history = consentHistory(recorded, scope);
  const topic = await topicAt(store, topicId);
  if (history.length === 0 || topic.state.status === 'not_defined') throw noRecord();
  const state = recorded.reduce(
    (s, e) => subjectDecider.evolve(s, { type: e.type, data: e.data } as SubjectEvent),
    subjectDecider.initialState(),
  );
  const record = state.status === 'registered' ? state.consents[consentKey(scope)] : undefined;
  return consentRecordDocument({
    recordId: consentRecordId(subjectId, scope),
    subjectId,
    channel,
    ...(contactPointId ? { contactPointId } : {}),
    topic: topic.state,
    history,
    status: effectiveConsentStatus(record, topic.view!, now),
    now,
    controller: {
      name: settings.controllerName,
      contact: settings.controllerContact,
      jurisdiction: settings.jurisdiction,
    },
  });
}
