import { deciderSpec } from '#testing';
import type { RecordExport } from './erasure.commands';
import { requestReceived } from './privacy.fixtures';
import { NOW, SUBJECT_ID, context, registered } from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);
const ids = { subjectId: SUBJECT_ID };

const exportFor = (requestId?: string, format = 'json'): RecordExport => ({
  type: 'RecordExport',
  data: { requestedBy: 'e2e-crm', format: format as 'json', ...(requestId === undefined ? {} : { requestId }) },
  metadata: context,
});
const exported = (requestId?: string) => ({
  type: 'SubjectExported' as const,
  data: {
    ...ids,
    requestedBy: 'e2e-crm',
    ...(requestId === undefined ? {} : { requestId }),
    format: 'json' as const,
    fulfilledAt: NOW,
  },
});
const fulfilled = {
  type: 'DataSubjectRequestFulfilled' as const,
  data: { ...ids, requestId: 'req-1', fulfilledAt: NOW },
};

describe('RecordExport', () => {
  it('records who asked for the copy and when (Art. 15(3), 20)', () => {
    spec.given([registered()]).when(exportFor()).then([exported()]);
  });

  it('fulfils the access or portability request it answers', () => {
    spec
      .given([registered(), requestReceived('portability')])
      .when(exportFor('req-1'))
      .then([exported('req-1'), fulfilled]);
  });

  it('refuses an unknown format, a request of another kind, and an unknown subject', () => {
    spec
      .given([registered()])
      .when(exportFor(undefined, 'xml'))
      .thenThrows('EXPORT.FORMAT_UNKNOWN', { field: 'format' });
    spec
      .given([registered(), requestReceived('erasure')])
      .when(exportFor('req-1'))
      .thenThrows('REQUEST.KIND_MISMATCH', { field: 'requestId' });
    spec.given([]).when(exportFor()).thenThrows('SUBJECT.NOT_FOUND');
  });

  it('exporting again for a fulfilled request records the export but fulfils nothing again', () => {
    spec
      .given([registered(), requestReceived('access'), exported('req-1'), fulfilled])
      .when(exportFor('req-1'))
      .then([exported('req-1')]);
  });
});
