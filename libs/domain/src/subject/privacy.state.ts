import type { RequestChannel, RequestKind } from './dsr.events';
import type { ErasureCause } from './erasure.events';

type RequestBase = {
  requestId: string;
  kind: RequestKind;
  channel: RequestChannel;
  receivedAt: string;
  dueAt: string;
  reference?: string;
  extension?: { months: number; reason: string; extendedUntil: string; extendedAt: string };
};

/** One data-subject request and its deadline (Art. 12(3)). */
export type DataSubjectRequest =
  | (RequestBase & { status: 'open' })
  | (RequestBase & { status: 'fulfilled'; fulfilledAt: string })
  | (RequestBase & { status: 'rejected'; reason: string; rejectedAt: string });

type HoldBase = { holdId: string; reason: string; until: string; placedBy: string; placedAt: string };

/** Art. 17(3): applies while placed and `until` has not passed. */
export type LegalHold = (HoldBase & { status: 'placed' }) | (HoldBase & { status: 'released'; releasedAt: string });

/** An erasure asked for and not yet carried out: deferred by a hold, which the scheduler waits out. */
export type PendingErasure = {
  cause: ErasureCause;
  requestId?: string;
  requestedAt: string;
  deferral?: { holdId: string; until: string };
};

type DeliveryBase = { deliveryId: string; contactPointId: string; tokenHash: string; expiresAt: string };

/** Art. 15(3): a copy sent as a single-use link; `opened` once the person fetched it. */
export type ExportDelivery =
  | (DeliveryBase & { status: 'sent' })
  | (DeliveryBase & { status: 'opened'; openedAt: string });

/** The privacy part of a registered subject's state. */
export type PrivacyState = {
  requests: Record<string, DataSubjectRequest>;
  legalHolds: Record<string, LegalHold>;
  exportDeliveries: Record<string, ExportDelivery>;
  pendingErasure?: PendingErasure;
};

export const initialPrivacyState = (): PrivacyState => ({ requests: {}, legalHolds: {}, exportDeliveries: {} });

/**
 * Art. 17: after erasure only this remains of a subject's state. Every command except a repeated
 * erasure is refused with SUBJECT.ERASED.
 */
export type ErasedSubject = {
  status: 'erased';
  subjectId: string;
  cause: ErasureCause;
  requestId?: string;
  erasedAt: string;
};
