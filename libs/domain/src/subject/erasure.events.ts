import type { Event } from '../shared/message';

/** Why an erasure was asked for: the subject's request (Art. 17(1)), a lapsed purpose, or the controller. */
export const ERASURE_CAUSES = ['data_subject_request', 'retention', 'controller'] as const;
export type ErasureCause = (typeof ERASURE_CAUSES)[number];

export type ErasureRequested = Event<
  'ErasureRequested',
  { subjectId: string; cause: ErasureCause; requestId?: string; requestedAt: string }
>;

/** Art. 17(3): a legal hold applies; the erasure is carried out on its own once `until` has passed or the hold is released. */
export type ErasureDeferred = Event<
  'ErasureDeferred',
  { subjectId: string; holdId: string; reason: string; until: string; deferredAt: string }
>;

/**
 * Art. 17: the subject's data key was destroyed. Carries nothing personal, so it stays readable
 * as the proof of forgetting, and it is what connected systems are told to act on.
 */
export type SubjectErased = Event<
  'SubjectErased',
  {
    subjectId: string;
    cause: ErasureCause;
    requestId?: string;
    /** Other requests still open: nothing is left to answer them with, so the erasure closes them. */
    closedRequestIds?: string[];
    erasedAt: string;
  }
>;

export const EXPORT_FORMATS = ['json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Art. 15(3), 20: a copy of the data was handed out; who asked (the API key's name) and when. */
export type SubjectExported = Event<
  'SubjectExported',
  { subjectId: string; requestedBy: string; requestId?: string; format: ExportFormat; fulfilledAt: string }
>;

export type ErasureEvent = ErasureRequested | ErasureDeferred | SubjectErased | SubjectExported;

/** The deferral repeats the hold's reason, which is personal like every free text of a subject. */
export const erasurePersonalFields: { readonly [T in ErasureEvent['type']]: readonly string[] } = {
  ErasureRequested: [],
  ErasureDeferred: ['reason'],
  SubjectErased: [],
  SubjectExported: [],
};
