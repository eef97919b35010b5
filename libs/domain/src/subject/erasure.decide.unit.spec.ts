import { deciderSpec, foldEvents } from '#testing';
import type { RequestErasure } from './erasure.commands';
import type { ErasureCause } from './erasure.events';
import { HOLD_UNTIL, erasureRequested, holdPlaced, requestReceived, subjectErased } from './privacy.fixtures';
import { NOW, SUBJECT_ID, context, granted, registered } from './subject.fixtures';
import { subjectDecider } from './subject.decider';
import type { SubjectCommand } from './subject.commands';

const spec = deciderSpec(subjectDecider);
const ids = { subjectId: SUBJECT_ID };

const erase = (cause: ErasureCause = 'controller', requestId?: string, keyDestroyed = false): RequestErasure => ({
  type: 'RequestErasure',
  data: requestId === undefined ? { cause } : { cause, requestId },
  metadata: { ...context, keyDestroyed },
});
const deferred = (until = HOLD_UNTIL) => ({
  type: 'ErasureDeferred' as const,
  data: { ...ids, holdId: 'hold-1', reason: 'invoices kept ten years (AO § 147)', until, deferredAt: NOW },
});
const releasedHold = { type: 'LegalHoldReleased' as const, data: { ...ids, holdId: 'hold-1', releasedAt: NOW } };

describe('RequestErasure', () => {
  it('erases at once when no legal hold applies (Art. 17(1))', () => {
    spec.given([registered(), granted()]).when(erase()).then([erasureRequested(), subjectErased()]);
  });

  it("answers the subject's erasure request by the erasure itself", () => {
    spec
      .given([registered(), requestReceived()])
      .when(erase('data_subject_request', 'req-1'))
      .then([
        {
          type: 'ErasureRequested',
          data: { ...ids, cause: 'data_subject_request', requestId: 'req-1', requestedAt: NOW },
        },
        { type: 'DataSubjectRequestFulfilled', data: { ...ids, requestId: 'req-1', fulfilledAt: NOW } },
        { type: 'SubjectErased', data: { ...ids, cause: 'data_subject_request', requestId: 'req-1', erasedAt: NOW } },
      ]);
  });

  it('closes the other open requests of the subject, naming them', () => {
    spec
      .given([registered(), requestReceived('access', 'req-2')])
      .when(erase())
      .then([
        erasureRequested(),
        { type: 'SubjectErased', data: { ...ids, cause: 'controller', closedRequestIds: ['req-2'], erasedAt: NOW } },
      ]);
  });

  it("defers while a legal hold applies, with the hold's reason and end (Art. 17(3))", () => {
    spec.given([registered(), holdPlaced()]).when(erase()).then([erasureRequested(), deferred()]);
  });

  it('carries out a deferred erasure once the hold is released or has ended', () => {
    spec
      .given([registered(), holdPlaced(), erasureRequested(), deferred(), releasedHold])
      .when(erase('retention'))
      .then([subjectErased()]);
    const ended = '2025-02-01T00:00:00.000Z';
    spec
      .given([registered(), holdPlaced('hold-1', ended), erasureRequested(), deferred(ended)])
      .when(erase())
      .then([subjectErased()]);
  });

  it('completes the record when the key is already destroyed, whatever holds were placed since', () => {
    spec
      .given([registered(), holdPlaced()])
      .when(erase('controller', undefined, true))
      .then([erasureRequested(), subjectErased()]);
  });

  it('refuses an erasure on request without the request, or naming a request of another kind', () => {
    spec
      .given([registered()])
      .when(erase('data_subject_request'))
      .thenThrows('ERASURE.REQUEST_REQUIRED', { kind: 'invalid', field: 'requestId' });
    spec
      .given([registered(), requestReceived('access')])
      .when(erase('data_subject_request', 'req-1'))
      .thenThrows('REQUEST.KIND_MISMATCH');
    spec.given([registered()]).when(erase('data_subject_request', 'req-9')).thenThrows('REQUEST.NOT_FOUND');
    spec
      .given([registered()])
      .when(erase('whim' as never))
      .thenThrows('ERASURE.CAUSE_UNKNOWN', { field: 'cause' });
    spec.given([]).when(erase()).thenThrows('SUBJECT.NOT_FOUND', { kind: 'not_found' });
  });

  it('erasing twice records nothing, and neither does asking again while the same hold applies', () => {
    spec.given([registered(), erasureRequested(), subjectErased()]).when(erase()).thenNothing();
    spec.given([registered(), holdPlaced(), erasureRequested(), deferred()]).when(erase()).thenNothing();
  });
});

describe('an erased subject', () => {
  const erasedHistory = [registered(), granted(), erasureRequested(), subjectErased()];

  it('keeps only the proof of its erasure in state', () => {
    expect(foldEvents(subjectDecider, erasedHistory)).toEqual({
      status: 'erased',
      subjectId: SUBJECT_ID,
      cause: 'controller',
      erasedAt: NOW,
    });
  });

  it.each<SubjectCommand>([
    { type: 'RevokeConsent', data: { topicId: 'newsletter' }, metadata: context },
    {
      type: 'PlaceLegalHold',
      data: { holdId: 'h', reason: 'r', until: HOLD_UNTIL, placedBy: 'dpo' },
      metadata: context,
    },
    { type: 'RecordExport', data: { requestedBy: 'crm', format: 'json' }, metadata: context },
    {
      type: 'ReceiveDataSubjectRequest',
      data: { requestId: 'r', kind: 'access', channel: 'email', receivedAt: NOW },
      metadata: context,
    },
    {
      type: 'RegisterSubject',
      data: { subjectId: SUBJECT_ID, locale: 'de-DE', contactPoints: [], profile: {} },
      metadata: { ...context, allowedProfileFields: [] },
    },
  ])('refuses $type with SUBJECT.ERASED', (command) => {
    spec.given(erasedHistory).when(command).thenThrows('SUBJECT.ERASED', { kind: 'conflict' });
  });
});
