import type { DataSubjectRequestEvent } from './dsr.events';
import type { DataSubjectRequest } from './privacy.state';
import type { RegisteredSubject } from './subject.state';

export function evolveRequest(state: RegisteredSubject, event: DataSubjectRequestEvent): RegisteredSubject {
  switch (event.type) {
    case 'DataSubjectRequestReceived': {
      const { subjectId: _subjectId, recordedAt: _recordedAt, ...request } = event.data;
      return withRequest(state, { ...request, status: 'open' });
    }
    case 'DataSubjectRequestExtended': {
      const { months, reason, extendedUntil, extendedAt } = event.data;
      return update(state, event.data.requestId, (request) => ({
        ...request,
        extension: { months, reason, extendedUntil, extendedAt },
      }));
    }
    case 'DataSubjectRequestFulfilled':
      return update(state, event.data.requestId, (request) => ({
        ...request,
        status: 'fulfilled',
        fulfilledAt: event.data.fulfilledAt,
      }));
    case 'DataSubjectRequestRejected': {
      const { reason, rejectedAt } = event.data;
      return update(state, event.data.requestId, (request) => ({ ...request, status: 'rejected', reason, rejectedAt }));
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

export function withRequest(state: RegisteredSubject, request: DataSubjectRequest): RegisteredSubject {
  return { ...state, requests: { ...state.requests, [request.requestId]: request } };
}

function update(
  state: RegisteredSubject,
  requestId: string,
  change: (request: DataSubjectRequest) => DataSubjectRequest,
): RegisteredSubject {
  const request = state.requests[requestId];
  return request === undefined ? state : withRequest(state, change(request));
}
