import { hasPassed } from '../shared/time';
import type { LegalHoldEvent } from './legal-hold.events';
import type { LegalHold, PrivacyState } from './privacy.state';
import type { RegisteredSubject } from './subject.state';

export function evolveLegalHold(state: RegisteredSubject, event: LegalHoldEvent): RegisteredSubject {
  switch (event.type) {
    case 'LegalHoldPlaced': {
      const { subjectId: _subjectId, ...hold } = event.data;
      return withHold(state, { ...hold, status: 'placed' });
    }
    case 'LegalHoldReleased': {
      const hold = state.legalHolds[event.data.holdId];
      return hold?.status === 'placed'
        ? withHold(state, { ...hold, status: 'released', releasedAt: event.data.releasedAt })
        : state;
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function withHold(state: RegisteredSubject, hold: LegalHold): RegisteredSubject {
  return { ...state, legalHolds: { ...state.legalHolds, [hold.holdId]: hold } };
}

/** The hold that keeps the data longest among those that still apply at `now`, if any. */
export function governingHold(
  state: Pick<PrivacyState, 'legalHolds'>,
  now: string,
): Extract<LegalHold, { status: 'placed' }> | undefined {
  const active = Object.values(state.legalHolds).filter(
    (hold): hold is Extract<LegalHold, { status: 'placed' }> => hold.status === 'placed' && !hasPassed(hold.until, now),
  );
  return active.sort((a, b) => Date.parse(b.until) - Date.parse(a.until))[0];
}
