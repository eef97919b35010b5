import type { Event } from '../shared/message';

/**
 * Art. 15(3): the copy is sent to the person as a single-use link by mail. Only the SHA-256 of the
 * link's token is recorded; the mail outbox derives the token again from this event.
 */
export type ExportDeliveryRequested = Event<
  'ExportDeliveryRequested',
  {
    subjectId: string;
    deliveryId: string;
    contactPointId: string;
    tokenHash: string;
    expiresAt: string;
    /** The access or portability requests this copy answers (fulfilled with it, Art. 12(3)). */
    requestIds: string[];
    requestedBy: string;
    requestedAt: string;
  }
>;

/** The person opened the link: the copy was generated from the ledger and handed out, once. */
export type ExportDeliveryOpened = Event<
  'ExportDeliveryOpened',
  { subjectId: string; deliveryId: string; openedAt: string }
>;

export type ExportDeliveryEvent = ExportDeliveryRequested | ExportDeliveryOpened;

export const exportDeliveryPersonalFields: { readonly [T in ExportDeliveryEvent['type']]: readonly string[] } = {
  ExportDeliveryRequested: [],
  ExportDeliveryOpened: [],
};
