import {
  consentKey,
  objectionKey,
  type ConsentEvent,
  type ConsentGrant,
  type ConsentScope,
  type DoubleOptInEvent,
} from '#domain';
import type { OpenDoubleOptIn, ProfileBase, ProfileConsent } from './subject-profile.document';

export function applyConsentEvent(doc: ProfileBase, event: ConsentEvent, eventId: string): ProfileBase {
  switch (event.type) {
    case 'ConsentGranted': {
      const { evidence, topicMaterialVersion, grantedAt, expiresAt } = event.data;
      // The evidence without ip address and user agent: those are personal and stay in the log only.
      const { ipAddress: _ip, userAgent: _ua, ...proof } = evidence;
      const grant: ConsentGrant = {
        evidence: proof,
        topicMaterialVersion,
        grantedAt,
        ...(expiresAt === undefined ? {} : { expiresAt }),
      };
      return withConsent(doc, { status: 'granted', scope: scopeOf(event.data), grant, eventId });
    }
    case 'ConsentRevoked': {
      const record = findConsent(doc, scopeOf(event.data));
      if (record?.status !== 'granted') return doc;
      const revoked = {
        status: 'revoked',
        scope: record.scope,
        grant: record.grant,
        revokedAt: event.data.revokedAt,
      } as const;
      return withConsent(doc, { ...revoked, eventId, grantEventId: record.eventId });
    }
    case 'ObjectionRaised': {
      const { scope, raisedAt, reason } = event.data;
      const key = objectionKey(scope);
      const objection = { key, scope, raisedAt, ...(reason === undefined ? {} : { reason }), eventId };
      return { ...doc, objections: [...doc.objections.filter((o) => o.key !== key), objection] };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

export function applyDoubleOptInEvent(doc: ProfileBase, event: DoubleOptInEvent, eventId: string): ProfileBase {
  switch (event.type) {
    case 'DoubleOptInRequested': {
      const { requestId, topicId, channel, contactPointId, textVersion, expiresAt, requestedAt } = event.data;
      const open: OpenDoubleOptIn = {
        requestId,
        topicId,
        channel,
        contactPointId,
        textVersion,
        expiresAt,
        requestedAt,
        eventId,
      };
      const withOpen = { ...doc, doubleOptIns: [...doc.doubleOptIns.filter((d) => d.requestId !== requestId), open] };
      const scope = { topicId, channel, contactPointId };
      // A consent already granted stays granted while a new request (e.g. for reconsent) is pending.
      if (findConsent(doc, scope)?.status === 'granted') return withOpen;
      return withConsent(withOpen, { status: 'pending-double-opt-in', scope, requestId, expiresAt, eventId });
    }
    case 'DoubleOptInConfirmed':
      // The grant itself arrives as the ConsentGranted recorded with the confirmation.
      return withoutRequest(doc, event.data.requestId);
    case 'DoubleOptInExpired':
      return expire(doc, event.data.requestId, event.data.expiredAt, eventId);
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function expire(doc: ProfileBase, requestId: string, expiredAt: string, eventId: string): ProfileBase {
  const request = doc.doubleOptIns.find((d) => d.requestId === requestId);
  if (request === undefined) return doc;
  const closed = withoutRequest(doc, requestId);
  const scope = { topicId: request.topicId, channel: request.channel, contactPointId: request.contactPointId };
  const record = findConsent(doc, scope);
  if (record?.status !== 'pending-double-opt-in' || record.requestId !== requestId) return closed;
  return withConsent(closed, { status: 'expired', scope, requestId, expiredAt, eventId });
}

function withoutRequest(doc: ProfileBase, requestId: string): ProfileBase {
  return { ...doc, doubleOptIns: doc.doubleOptIns.filter((d) => d.requestId !== requestId) };
}

export function findConsent<C extends { scope: ConsentScope }>(
  doc: { consents: readonly C[] },
  scope: ConsentScope,
): C | undefined {
  const key = consentKey(scope);
  return doc.consents.find((c) => consentKey(c.scope) === key);
}

/** One cell per consent key, replaced in place so the matrix keeps a stable order. */
function withConsent(doc: ProfileBase, record: ProfileConsent): ProfileBase {
  const key = consentKey(record.scope);
  const exists = doc.consents.some((c) => consentKey(c.scope) === key);
  const consents = exists
    ? doc.consents.map((c) => (consentKey(c.scope) === key ? record : c))
    : [...doc.consents, record];
  return { ...doc, consents };
}

function scopeOf(data: ConsentScope): ConsentScope {
  const { topicId, channel, contactPointId } = data;
  return contactPointId === undefined ? { topicId, channel } : { topicId, channel, contactPointId };
}
