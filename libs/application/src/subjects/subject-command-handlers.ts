import type { Type } from '@nestjs/common';
import type { ICommandHandler } from '@nestjs/cqrs';
import type { SubjectCommand } from '#domain';
import {
  ExtendDataSubjectRequestHandler,
  FulfilDataSubjectRequestHandler,
  ReceiveDataSubjectRequestHandler,
  RejectDataSubjectRequestHandler,
} from '../privacy/dsr.commands';
import { EraseSubjectHandler } from '../privacy/erase-subject.command';
import { PlaceLegalHoldHandler, ReleaseLegalHoldHandler } from '../privacy/legal-hold.commands';
import { DeliverExportHandler, OpenExportDeliveryHandler } from '../privacy/export-delivery.commands';
import { ExportSubjectHandler } from '../privacy/subject-export.command';
import { LiftContactBlockHandler, SetContactBlockHandler } from './block.commands';
import { GrantConsentHandler, RaiseObjectionHandler, RevokeConsentHandler } from './consent.commands';
import {
  ConfirmDoubleOptInHandler,
  ExpireDoubleOptInHandler,
  RequestDoubleOptInHandler,
} from './double-opt-in.commands';
import { LinkExternalIdHandler, UnlinkExternalIdHandler } from './external-id.commands';
import {
  AddContactPointHandler,
  RectifyContactPointHandler,
  RectifyProfileHandler,
  RegisterSubjectHandler,
  RemoveContactPointHandler,
} from './profile.commands';

/**
 * Which handler sends each subject command to the decider: the index a reader starts from. Typed
 * over the domain's union, so a new domain command does not compile until it has a handler here;
 * test/integration/command-routing checks that the app registers every one.
 */
export const SUBJECT_COMMAND_HANDLERS = {
  RegisterSubject: RegisterSubjectHandler,
  AddContactPoint: AddContactPointHandler,
  RectifyContactPoint: RectifyContactPointHandler,
  RemoveContactPoint: RemoveContactPointHandler,
  RectifyProfile: RectifyProfileHandler,
  LinkExternalId: LinkExternalIdHandler,
  UnlinkExternalId: UnlinkExternalIdHandler,
  GrantConsent: GrantConsentHandler,
  RevokeConsent: RevokeConsentHandler,
  RaiseObjection: RaiseObjectionHandler,
  RequestDoubleOptIn: RequestDoubleOptInHandler,
  ConfirmDoubleOptIn: ConfirmDoubleOptInHandler,
  ExpireDoubleOptIn: ExpireDoubleOptInHandler,
  SetContactBlock: SetContactBlockHandler,
  LiftContactBlock: LiftContactBlockHandler,
  ReceiveDataSubjectRequest: ReceiveDataSubjectRequestHandler,
  ExtendDataSubjectRequest: ExtendDataSubjectRequestHandler,
  FulfilDataSubjectRequest: FulfilDataSubjectRequestHandler,
  RejectDataSubjectRequest: RejectDataSubjectRequestHandler,
  PlaceLegalHold: PlaceLegalHoldHandler,
  ReleaseLegalHold: ReleaseLegalHoldHandler,
  RequestErasure: EraseSubjectHandler,
  RecordExport: ExportSubjectHandler,
  DeliverExport: DeliverExportHandler,
  OpenExportDelivery: OpenExportDeliveryHandler,
} as const satisfies { readonly [Name in SubjectCommand['type']]: Type<ICommandHandler> };
