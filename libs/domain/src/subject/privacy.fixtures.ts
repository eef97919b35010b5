import type { DataSubjectRequestReceived, RequestKind } from './dsr.events';
import type { ErasureRequested, SubjectErased } from './erasure.events';
import type { LegalHoldPlaced } from './legal-hold.events';
import { EARLIER, NOW, SUBJECT_ID } from './subject.fixtures';

/** Shared test data for the privacy specs (never imported by production code). */
export const RECEIVED_AT = '2025-01-31T08:00:00.000Z';
export const HOLD_UNTIL = '2035-12-31T00:00:00.000Z';

export const requestReceived = (kind: RequestKind = 'erasure', requestId = 'req-1'): DataSubjectRequestReceived => ({
  type: 'DataSubjectRequestReceived',
  data: {
    subjectId: SUBJECT_ID,
    requestId,
    kind,
    channel: 'email',
    receivedAt: RECEIVED_AT,
    dueAt: '2025-02-28T08:00:00.000Z',
    recordedAt: NOW,
  },
});

export const holdPlaced = (holdId = 'hold-1', until = HOLD_UNTIL): LegalHoldPlaced => ({
  type: 'LegalHoldPlaced',
  data: {
    subjectId: SUBJECT_ID,
    holdId,
    reason: 'invoices kept ten years (AO § 147)',
    until,
    placedBy: 'e2e-dpo',
    placedAt: EARLIER,
  },
});

export const erasureRequested = (requestedAt = NOW): ErasureRequested => ({
  type: 'ErasureRequested',
  data: { subjectId: SUBJECT_ID, cause: 'controller', requestedAt },
});

export const subjectErased = (): SubjectErased => ({
  type: 'SubjectErased',
  data: { subjectId: SUBJECT_ID, cause: 'controller', erasedAt: NOW },
});
