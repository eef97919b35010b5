import type { Command } from '../shared/message';
import type { ErasureCause, ExportFormat } from './erasure.events';
import type { SubjectContext } from './subject.context';

export type ErasureContext = SubjectContext & {
  /** True once the vault holds a tombstone for the subject: a crash came between shredding and recording. */
  keyDestroyed: boolean;
};

/**
 * Also what the scheduler sends when a hold ends (any cause; a pending erasure keeps its own) or a
 * retention period lapses (`retention`). `data_subject_request` needs the recorded request's id.
 */
export type RequestErasure = Command<'RequestErasure', { cause: ErasureCause; requestId?: string }, ErasureContext>;

export type RecordExport = Command<
  'RecordExport',
  { requestedBy: string; format: ExportFormat; requestId?: string },
  SubjectContext
>;

export type ErasureCommand = RequestErasure | RecordExport;
