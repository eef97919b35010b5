import type { ErasureDeferred, LegalHoldEvent } from '#domain';
import type { ProfileBase } from './subject-profile.document';

/** Art. 17(3): holds in place, and the erasure one of them deferred, so the CRM sees why a subject stays. */
export function applyHoldEvent(
  doc: ProfileBase,
  event: LegalHoldEvent | ErasureDeferred,
  eventId: string,
): ProfileBase {
  switch (event.type) {
    case 'LegalHoldPlaced': {
      const { holdId, reason, until, placedAt } = event.data;
      const hold = { holdId, reason, until, placedAt, eventId };
      return { ...doc, legalHolds: [...doc.legalHolds.filter((h) => h.holdId !== holdId), hold] };
    }
    case 'LegalHoldReleased':
      return { ...doc, legalHolds: doc.legalHolds.filter((h) => h.holdId !== event.data.holdId) };
    case 'ErasureDeferred': {
      const { holdId, until, deferredAt } = event.data;
      return { ...doc, erasureDeferral: { holdId, until, deferredAt, eventId } };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
