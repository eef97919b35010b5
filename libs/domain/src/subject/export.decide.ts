import { refuse } from '../shared/error-codes';
import { requireId } from '../shared/ids';
import { oneOf } from '../shared/text';
import { requireRequest } from './dsr.decide';
import type { RecordExport } from './erasure.commands';
import { EXPORT_FORMATS } from './erasure.events';
import type { SubjectEvent } from './subject.events';
import { requireRegistered } from './subject.guards';
import type { SubjectState } from './subject.state';

const EXPORT_KINDS = ['access', 'portability'];

/**
 * Art. 15(3), 20: every copy handed out is recorded (who asked, when). Each export is a fact of
 * its own, so exporting again records again; an access or portability request it answers is
 * fulfilled once.
 */
export function recordExport({ data, metadata }: RecordExport, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  if (!oneOf(data.format, EXPORT_FORMATS))
    refuse('EXPORT.FORMAT_UNKNOWN', `format must be one of ${EXPORT_FORMATS.join(', ')}`, 'format');
  const requestedBy = requireId(data.requestedBy, 'requestedBy');
  const request = data.requestId === undefined ? undefined : requireRequest(subject, data.requestId);
  if (request !== undefined && !EXPORT_KINDS.includes(request.kind)) {
    refuse(
      'REQUEST.KIND_MISMATCH',
      `request ${request.requestId} is a ${request.kind} request, not access or portability`,
      'requestId',
    );
  }
  const { subjectId } = subject;
  const exported: SubjectEvent = {
    type: 'SubjectExported',
    data:
      request === undefined
        ? { subjectId, requestedBy, format: data.format, fulfilledAt: metadata.now }
        : { subjectId, requestedBy, requestId: request.requestId, format: data.format, fulfilledAt: metadata.now },
  };
  if (request?.status !== 'open') return [exported];
  return [
    exported,
    {
      type: 'DataSubjectRequestFulfilled',
      data: { subjectId, requestId: request.requestId, fulfilledAt: metadata.now },
    },
  ];
}
