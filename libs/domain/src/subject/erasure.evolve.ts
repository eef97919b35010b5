import type { ErasureEvent } from './erasure.events';
import type { ErasedSubject } from './privacy.state';
import type { RegisteredSubject } from './subject.state';

export function evolveErasure(state: RegisteredSubject, event: ErasureEvent): RegisteredSubject | ErasedSubject {
  switch (event.type) {
    case 'ErasureRequested': {
      const { subjectId: _subjectId, ...origin } = event.data;
      return { ...state, pendingErasure: origin };
    }
    case 'ErasureDeferred': {
      const { holdId, until } = event.data;
      return state.pendingErasure
        ? { ...state, pendingErasure: { ...state.pendingErasure, deferral: { holdId, until } } }
        : state;
    }
    case 'SubjectErased': {
      const { subjectId, cause, requestId, erasedAt } = event.data;
      return requestId === undefined
        ? { status: 'erased', subjectId, cause, erasedAt }
        : { status: 'erased', subjectId, cause, requestId, erasedAt };
    }
    case 'SubjectExported':
      return state;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
