import { randomUUID } from 'node:crypto';
import {
  RECEIPT_VERSION,
  signReceipt,
  type AuditSigningKey,
  type ConsentReceipt,
  type ReceiptProof,
  type TreeInclusion,
  type TreeProofs,
} from '#audit';
import {
  consentKey,
  effectiveConsentStatus,
  refusal,
  subjectDecider,
  SubjectEventType,
  subjectNotRegistered,
  subjectStreamName,
  type ConsentScope,
  type SubjectEvent,
  type TopicState,
} from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { topicAt } from '../history/topic-at';
import type { AuditSettings } from '#runtime';

export interface ReceiptRequest {
  subjectId: string;
  topicId: string;
  channel: string;
  contactPointId?: string;
  now: string;
}

const LEGAL_BASIS: Record<string, string> = {
  consent: 'GDPR Art. 6(1)(a): consent',
  contract: 'GDPR Art. 6(1)(b): contract',
  legitimate_interest: 'GDPR Art. 6(1)(f): legitimate interest',
};

const notGranted = () => refusal('RECEIPT.NOT_FOUND', 'there is no current grant for this topic and channel');

export interface ReceiptIssuer {
  store: EventStore;
  key: AuditSigningKey;
  settings: AuditSettings;
  tree: TreeProofs;
}

/**
 * A signed receipt for the grant in force now; 404 when none is (revoked, expired, reconsent due).
 * Once a checkpoint covers the grant, the receipt carries its inclusion proof in the log's tree.
 */
export async function issueConsentReceipt(
  { store, key, settings, tree }: ReceiptIssuer,
  request: ReceiptRequest,
): Promise<ConsentReceipt> {
  const stream = subjectStreamName(request.subjectId);
  const recorded = await store.readStream(stream);
  if (recorded.length === 0) throw subjectNotRegistered();
  const state = recorded.reduce(
    (s, e) => subjectDecider.evolve(s, { type: e.type, data: e.data } as SubjectEvent),
    subjectDecider.initialState(),
  );
  const scope: ConsentScope = {
    topicId: request.topicId,
    channel: request.channel,
    ...(request.contactPointId ? { contactPointId: request.contactPointId } : {}),
  };
  const record = state.status === 'registered' ? state.consents[consentKey(scope)] : undefined;
  const topic = await topicAt(store, request.topicId);
  if (record?.status !== 'granted' || topic.state.status === 'not_defined') throw notGranted();
  if (effectiveConsentStatus(record, topic.view!, request.now) !== 'granted') throw notGranted();
  const event = recorded
    .filter((e) => e.type === SubjectEventType.ConsentGranted && consentKey(scopeOf(e)) === consentKey(scope))
    .at(-1);
  if (!event) throw notGranted();
  const locale = state.status === 'registered' ? state.locale : 'und';
  const inclusion = await tree.inclusionOf(event.position);
  return signReceipt(receiptFor(event, topic.state, settings, key, { ...request, locale }, inclusion), key);
}

function scopeOf(event: RecordedEvent): ConsentScope {
  const { topicId, channel, contactPointId } = event.data as ConsentScope;
  return contactPointId === undefined ? { topicId, channel } : { topicId, channel, contactPointId };
}

function receiptFor(
  event: RecordedEvent,
  topic: Exclude<TopicState, { status: 'not_defined' }>,
  settings: AuditSettings,
  key: AuditSigningKey,
  request: ReceiptRequest & { locale: string },
  inclusion: TreeInclusion | undefined,
) {
  const data = event.data as Record<string, any>;
  const evidence = data.evidence as Record<string, any>;
  const { definition } = topic;
  const version = topic.versions.find((v) => v.version === evidence.textVersion);
  const purpose = {
    purpose: definition.description,
    purposeCategory: [definition.topicId],
    consentType: 'EXPLICIT' as const,
    piiCategory: [`contact point: ${data.channel}`, ...definition.personalFields],
    primaryPurpose: true,
    termination: data.expiresAt
      ? `expires ${data.expiresAt}; withdrawable at any time (Art. 7(3))`
      : 'until withdrawn; withdrawable at any time (Art. 7(3))',
    thirdPartyDisclosure: false,
    legalBasis: LEGAL_BASIS[definition.legalBasis] ?? definition.legalBasis,
  };
  return {
    version: RECEIPT_VERSION as typeof RECEIPT_VERSION,
    jurisdiction: settings.jurisdiction,
    consentTimestamp: Math.floor(Date.parse(data.grantedAt) / 1000),
    collectionMethod: String(evidence.method),
    consentReceiptID: randomUUID(),
    language: version?.language ?? request.locale,
    piiPrincipalId: request.subjectId,
    piiControllers: [{ piiController: settings.controllerName, contact: settings.controllerContact, onBehalf: false }],
    services: [{ service: definition.title, purposes: [purpose] }],
    sensitive: false,
    spiCat: [],
    proof: {
      topicId: definition.topicId,
      channel: String(data.channel),
      ...(data.contactPointId ? { contactPointId: String(data.contactPointId) } : {}),
      textVersion: Number(evidence.textVersion),
      textSha256: String(evidence.textHash),
      method: String(evidence.method),
      consentTime: String(data.grantedAt),
      stream: event.stream,
      revision: event.revision,
      eventId: event.id,
      eventHash: String(event.metadata.hash),
      ...(inclusion ? { inclusion } : {}),
      ...parentalAuthorisationOf(evidence),
    },
    issuedAt: request.now,
    keyId: key.keyId,
    signatureAlgorithm: 'Ed25519' as const,
  };
}

/** Art. 8(1): the method and reference only; the holder's name is ciphertext in the event and stays out. */
function parentalAuthorisationOf(evidence: Record<string, any>): Pick<ReceiptProof, 'parentalAuthorisation'> {
  const given = evidence.parentalAuthorisation as { method: string; reference: string } | undefined;
  return given ? { parentalAuthorisation: { method: given.method, reference: given.reference } } : {};
}
