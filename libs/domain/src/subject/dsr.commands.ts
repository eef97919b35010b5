import type { Command } from '../shared/message';
import type { ActEvidenceInput } from './act-evidence';
import type { RequestChannel, RequestKind } from './dsr.events';
import type { SubjectContext } from './subject.context';

export type ReceiveDataSubjectRequest = Command<
  'ReceiveDataSubjectRequest',
  {
    requestId: string;
    kind: RequestKind;
    channel: RequestChannel;
    receivedAt: string;
    reference?: string;
    field?: string;
    correction?: string;
    evidence?: ActEvidenceInput;
  },
  SubjectContext
>;

export type ExtendDataSubjectRequest = Command<
  'ExtendDataSubjectRequest',
  { requestId: string; months: number; reason: string },
  SubjectContext
>;

export type FulfilDataSubjectRequest = Command<'FulfilDataSubjectRequest', { requestId: string }, SubjectContext>;

export type RejectDataSubjectRequest = Command<
  'RejectDataSubjectRequest',
  { requestId: string; reason: string },
  SubjectContext
>;

export type DataSubjectRequestCommand =
  | ReceiveDataSubjectRequest
  | ExtendDataSubjectRequest
  | FulfilDataSubjectRequest
  | RejectDataSubjectRequest;
