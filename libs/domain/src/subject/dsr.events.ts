import type { Event } from '../shared/message';
import { ACT_EVIDENCE_PERSONAL_PATHS, type ActEvidence } from './act-evidence';

/** Art. 15-18, 20, 21: the rights a data subject can ask the controller to act on. */
export const REQUEST_KINDS = ['access', 'rectification', 'erasure', 'portability', 'objection', 'restriction'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** How the request reached the controller; Art. 12(2) asks that every usual way be accepted. */
export const REQUEST_CHANNELS = ['email', 'post', 'phone', 'web', 'in_person', 'other'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** Art. 12(3): answered within one month of receipt (`dueAt`). */
export type DataSubjectRequestReceived = Event<
  'DataSubjectRequestReceived',
  {
    subjectId: string;
    requestId: string;
    kind: RequestKind;
    channel: RequestChannel;
    receivedAt: string;
    dueAt: string;
    /** The controller's own reference (ticket, letter number): an identifier, never free text. */
    reference?: string;
    /** Art. 16: the field the subject asks to have corrected, and the correction (personal data). */
    field?: string;
    correction?: string;
    recordedAt: string;
    evidence?: ActEvidence;
  }
>;

/** Art. 12(3): once, by up to two further months, with the reasons the subject must be told. */
export type DataSubjectRequestExtended = Event<
  'DataSubjectRequestExtended',
  { subjectId: string; requestId: string; months: number; reason: string; extendedUntil: string; extendedAt: string }
>;

export type DataSubjectRequestFulfilled = Event<
  'DataSubjectRequestFulfilled',
  { subjectId: string; requestId: string; fulfilledAt: string }
>;

/** Art. 12(4), (5): a refusal states its reason, e.g. that the identity could not be verified (Art. 12(6)). */
export type DataSubjectRequestRejected = Event<
  'DataSubjectRequestRejected',
  { subjectId: string; requestId: string; reason: string; rejectedAt: string }
>;

export type DataSubjectRequestEvent =
  | DataSubjectRequestReceived
  | DataSubjectRequestExtended
  | DataSubjectRequestFulfilled
  | DataSubjectRequestRejected;

/** Reasons are free text and may name the person: they are personal data (erased with the key). */
export const dataSubjectRequestPersonalFields: { readonly [T in DataSubjectRequestEvent['type']]: readonly string[] } =
  {
    DataSubjectRequestReceived: ['correction', ...ACT_EVIDENCE_PERSONAL_PATHS],
    DataSubjectRequestExtended: ['reason'],
    DataSubjectRequestFulfilled: [],
    DataSubjectRequestRejected: ['reason'],
  };
