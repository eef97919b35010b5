import type { Command } from '../shared/message';
import type { SubjectContext } from './subject.context';

export type DeliverExport = Command<
  'DeliverExport',
  {
    deliveryId: string;
    tokenHash: string;
    expiresAt: string;
    requestedBy: string;
    /** The e-mail contact point to send to; the first active one when absent. */
    contactPointId?: string;
    /** The request this answers; without it, every open access request. */
    requestId?: string;
  },
  SubjectContext
>;

export type OpenExportDelivery = Command<'OpenExportDelivery', { tokenHash: string }, SubjectContext>;

export type ExportDeliveryCommand = DeliverExport | OpenExportDelivery;
