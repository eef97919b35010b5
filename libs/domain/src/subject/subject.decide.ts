import { liftContactBlock, setContactBlock } from './block.decide';
import { addContactPoint, rectifyContactPoint, removeContactPoint } from './contact-point.decide';
import { confirmDoubleOptIn, expireDoubleOptIn } from './double-opt-in.confirm';
import { requestDoubleOptIn } from './double-opt-in.request';
import { extendRequest, fulfilRequest, receiveRequest, rejectRequest } from './dsr.decide';
import { requestErasure } from './erasure.decide';
import { recordExport } from './export.decide';
import { deliverExport, openExportDelivery } from './export-delivery.decide';
import type { ExportDeliveryCommand } from './export-delivery.commands';
import { linkExternalId, unlinkExternalId } from './external-id.decide';
import { placeLegalHold, releaseLegalHold } from './legal-hold.decide';
import { grantConsent } from './grant-consent.decide';
import { raiseObjection } from './objection.decide';
import { rectifyProfile, registerSubject } from './profile.decide';
import { revokeConsent } from './revoke-consent.decide';
import type { DataSubjectRequestCommand } from './dsr.commands';
import type { ErasureCommand } from './erasure.commands';
import type { LegalHoldCommand } from './legal-hold.commands';
import type { SubjectCommand } from './subject.commands';
import type { SubjectEvent } from './subject.events';
import type { SubjectState } from './subject.state';

export function decideSubject(command: SubjectCommand, state: SubjectState): SubjectEvent[] {
  switch (command.type) {
    case 'RegisterSubject':
      return registerSubject(command, state);
    case 'AddContactPoint':
      return addContactPoint(command, state);
    case 'RectifyContactPoint':
      return rectifyContactPoint(command, state);
    case 'RemoveContactPoint':
      return removeContactPoint(command, state);
    case 'RectifyProfile':
      return rectifyProfile(command, state);
    case 'LinkExternalId':
      return linkExternalId(command, state);
    case 'UnlinkExternalId':
      return unlinkExternalId(command, state);
    case 'GrantConsent':
      return grantConsent(command, state);
    case 'RevokeConsent':
      return revokeConsent(command, state);
    case 'RaiseObjection':
      return raiseObjection(command, state);
    case 'RequestDoubleOptIn':
      return requestDoubleOptIn(command, state);
    case 'ConfirmDoubleOptIn':
      return confirmDoubleOptIn(command, state);
    case 'ExpireDoubleOptIn':
      return expireDoubleOptIn(command, state);
    case 'SetContactBlock':
      return setContactBlock(command, state);
    case 'LiftContactBlock':
      return liftContactBlock(command, state);
    default:
      return decidePrivacy(command, state);
  }
}

/** Data-subject requests (Art. 12, 15-21), legal holds and erasure (Art. 17). */
function decidePrivacy(
  command: DataSubjectRequestCommand | LegalHoldCommand | ErasureCommand | ExportDeliveryCommand,
  state: SubjectState,
): SubjectEvent[] {
  switch (command.type) {
    case 'ReceiveDataSubjectRequest':
      return receiveRequest(command, state);
    case 'ExtendDataSubjectRequest':
      return extendRequest(command, state);
    case 'FulfilDataSubjectRequest':
      return fulfilRequest(command, state);
    case 'RejectDataSubjectRequest':
      return rejectRequest(command, state);
    case 'PlaceLegalHold':
      return placeLegalHold(command, state);
    case 'ReleaseLegalHold':
      return releaseLegalHold(command, state);
    case 'RequestErasure':
      return requestErasure(command, state);
    case 'RecordExport':
      return recordExport(command, state);
    case 'DeliverExport':
      return deliverExport(command, state);
    case 'OpenExportDelivery':
      return openExportDelivery(command, state);
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}
