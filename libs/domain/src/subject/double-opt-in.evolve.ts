import { withConsent } from './consent.evolve';
import type { DoubleOptInEvent, DoubleOptInRequested } from './double-opt-in.events';
import { consentKey, type DoubleOptInRequest, type RegisteredSubject } from './subject.state';

export function evolveDoubleOptIn(state: RegisteredSubject, event: DoubleOptInEvent): RegisteredSubject {
  switch (event.type) {
    case 'DoubleOptInRequested':
      return markPending(withRequest(state, requestFrom(event)), requestFrom(event));
    case 'DoubleOptInConfirmed': {
      const request = state.doubleOptIns[event.data.requestId];
      if (request?.status !== 'pending') return state;
      // The grant itself arrives as the ConsentGranted recorded with this confirmation.
      return withRequest(state, { ...request, status: 'confirmed', confirmedAt: event.data.confirmedAt });
    }
    case 'DoubleOptInExpired': {
      const request = state.doubleOptIns[event.data.requestId];
      if (request?.status !== 'pending') return state;
      const expired = withRequest(state, { ...request, status: 'expired', expiredAt: event.data.expiredAt });
      const record = state.consents[consentKey(request.scope)];
      if (record?.status !== 'pending-double-opt-in' || record.requestId !== request.requestId) return expired;
      return withConsent(expired, {
        status: 'expired',
        scope: request.scope,
        requestId: request.requestId,
        expiredAt: event.data.expiredAt,
      });
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function requestFrom({ data }: DoubleOptInRequested): DoubleOptInRequest {
  const { requestId, topicId, channel, contactPointId, tokenHash, textVersion, sourceSystem, formId, expiresAt } = data;
  const scope = { topicId, channel, contactPointId };
  return {
    status: 'pending',
    requestId,
    scope,
    tokenHash,
    textVersion,
    sourceSystem,
    expiresAt,
    ...(formId === undefined ? {} : { formId }),
  };
}

function withRequest(state: RegisteredSubject, request: DoubleOptInRequest): RegisteredSubject {
  return { ...state, doubleOptIns: { ...state.doubleOptIns, [request.requestId]: request } };
}

/** A consent already granted stays granted while a new request (e.g. for reconsent) is pending. */
function markPending(state: RegisteredSubject, request: DoubleOptInRequest): RegisteredSubject {
  if (state.consents[consentKey(request.scope)]?.status === 'granted') return state;
  const { requestId, scope, expiresAt } = request;
  return withConsent(state, { status: 'pending-double-opt-in', scope, requestId, expiresAt });
}
