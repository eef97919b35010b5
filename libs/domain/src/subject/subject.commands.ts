import type { BlockCommand } from './block.commands';
import type { ConsentCommand } from './consent.commands';
import type { DoubleOptInCommand } from './double-opt-in.commands';
import type { DataSubjectRequestCommand } from './dsr.commands';
import type { ErasureCommand } from './erasure.commands';
import type { ExportDeliveryCommand } from './export-delivery.commands';
import type { ExternalIdCommand } from './external-id.commands';
import type { LegalHoldCommand } from './legal-hold.commands';
import type { ProfileCommand } from './profile.commands';

export type SubjectCommand =
  | ProfileCommand
  | ExternalIdCommand
  | ConsentCommand
  | DoubleOptInCommand
  | BlockCommand
  | DataSubjectRequestCommand
  | LegalHoldCommand
  | ErasureCommand
  | ExportDeliveryCommand;
