import type { ConsentEvent, ConsentGranted, ConsentRevoked } from './consent.events';
import { type ConsentRecord, consentKey, objectionKey, type RegisteredSubject } from './subject.state';

export function evolveConsent(state: RegisteredSubject, event: ConsentEvent): RegisteredSubject {
  switch (event.type) {
    case 'ConsentGranted':
      return withConsent(state, granted(event));
    case 'ConsentRevoked': {
      const record = state.consents[consentKey(scopeOf(event))];
      return record?.status === 'granted' ? withConsent(state, revoked(record, event)) : state;
    }
    case 'ObjectionRaised': {
      const { scope, raisedAt } = event.data;
      return { ...state, objections: { ...state.objections, [objectionKey(scope)]: { scope, raisedAt } } };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

export function withConsent(state: RegisteredSubject, record: ConsentRecord): RegisteredSubject {
  return { ...state, consents: { ...state.consents, [consentKey(record.scope)]: record } };
}

export function scopeOf({ data }: { data: { topicId: string; channel: string; contactPointId?: string } }) {
  const { topicId, channel, contactPointId } = data;
  return contactPointId === undefined ? { topicId, channel } : { topicId, channel, contactPointId };
}

function granted(event: ConsentGranted): ConsentRecord {
  const { evidence, topicMaterialVersion, grantedAt, expiresAt } = event.data;
  const grant = { evidence, topicMaterialVersion, grantedAt, ...(expiresAt === undefined ? {} : { expiresAt }) };
  return { status: 'granted', scope: scopeOf(event), grant };
}

function revoked(record: Extract<ConsentRecord, { status: 'granted' }>, event: ConsentRevoked): ConsentRecord {
  return { status: 'revoked', scope: record.scope, grant: record.grant, revokedAt: event.data.revokedAt };
}
