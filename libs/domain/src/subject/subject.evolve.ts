import { evolveBlock } from './block.evolve';
import { evolveConsent } from './consent.evolve';
import { evolveDoubleOptIn } from './double-opt-in.evolve';
import { evolveRequest } from './dsr.evolve';
import { evolveErasure } from './erasure.evolve';
import { evolveExportDelivery } from './export-delivery.evolve';
import { evolveExternalId } from './external-id.evolve';
import { evolveLegalHold } from './legal-hold.evolve';
import { evolveProfile, registeredFrom } from './profile.evolve';
import type { SubjectEvent } from './subject.events';
import type { SubjectState } from './subject.state';

export function evolveSubject(state: SubjectState, event: SubjectEvent): SubjectState {
  if (event.type === 'SubjectRegistered') return state.status === 'not_registered' ? registeredFrom(event) : state;
  if (state.status !== 'registered') return state;
  switch (event.type) {
    case 'ContactPointAdded':
    case 'ContactPointRectified':
    case 'ContactPointRemoved':
    case 'ProfileRectified':
      return evolveProfile(state, event);
    case 'ExternalIdLinked':
    case 'ExternalIdUnlinked':
      return evolveExternalId(state, event);
    case 'ConsentGranted':
    case 'ConsentRevoked':
    case 'ObjectionRaised':
      return evolveConsent(state, event);
    case 'DoubleOptInRequested':
    case 'DoubleOptInConfirmed':
    case 'DoubleOptInExpired':
      return evolveDoubleOptIn(state, event);
    case 'ContactBlockSet':
    case 'ContactBlockLifted':
      return evolveBlock(state, event);
    case 'DataSubjectRequestReceived':
    case 'DataSubjectRequestExtended':
    case 'DataSubjectRequestFulfilled':
    case 'DataSubjectRequestRejected':
      return evolveRequest(state, event);
    case 'LegalHoldPlaced':
    case 'LegalHoldReleased':
      return evolveLegalHold(state, event);
    case 'ErasureRequested':
    case 'ErasureDeferred':
    case 'SubjectErased':
    case 'SubjectExported':
      return evolveErasure(state, event);
    case 'ExportDeliveryRequested':
    case 'ExportDeliveryOpened':
      return evolveExportDelivery(state, event);
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
