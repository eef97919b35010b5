import { deciderSpec, foldEvents } from '#testing';
import type {
  ExtendDataSubjectRequest,
  FulfilDataSubjectRequest,
  ReceiveDataSubjectRequest,
  RejectDataSubjectRequest,
} from './dsr.commands';
import { RECEIVED_AT, requestReceived } from './privacy.fixtures';
import { NOW, SUBJECT_ID, context, registered } from './subject.fixtures';
import { subjectDecider } from './subject.decider';
import type { RegisteredSubject } from './subject.state';

const spec = deciderSpec(subjectDecider);
const ids = { subjectId: SUBJECT_ID, requestId: 'req-1' };

const receive = (data: Partial<ReceiveDataSubjectRequest['data']> = {}): ReceiveDataSubjectRequest => ({
  type: 'ReceiveDataSubjectRequest',
  data: { requestId: 'req-1', kind: 'erasure', channel: 'email', receivedAt: RECEIVED_AT, ...data },
  metadata: context,
});
const extend = (months = 2, reason = 'many systems to search'): ExtendDataSubjectRequest => ({
  type: 'ExtendDataSubjectRequest',
  data: { requestId: 'req-1', months, reason },
  metadata: context,
});
const extended = (months = 2, extendedUntil = '2025-04-30T08:00:00.000Z') => ({
  type: 'DataSubjectRequestExtended' as const,
  data: { ...ids, months, reason: 'many systems to search', extendedUntil, extendedAt: NOW },
});
const fulfil = (): FulfilDataSubjectRequest => ({
  type: 'FulfilDataSubjectRequest',
  data: { requestId: 'req-1' },
  metadata: context,
});
const fulfilled = { type: 'DataSubjectRequestFulfilled' as const, data: { ...ids, fulfilledAt: NOW } };
const reject = (reason = 'identity not verified'): RejectDataSubjectRequest => ({
  type: 'RejectDataSubjectRequest',
  data: { requestId: 'req-1', reason },
  metadata: context,
});
const rejected = {
  type: 'DataSubjectRequestRejected' as const,
  data: { ...ids, reason: 'identity not verified', rejectedAt: NOW },
};

describe('ReceiveDataSubjectRequest', () => {
  it('records the request with its due date one calendar month after receipt (Art. 12(3))', () => {
    spec
      .given([registered()])
      .when(receive({ reference: 'ticket-4711' }))
      .then([{ type: 'DataSubjectRequestReceived', data: { ...requestReceived().data, reference: 'ticket-4711' } }]);
  });

  it.each<[string, string, Partial<ReceiveDataSubjectRequest['data']>]>([
    ['REQUEST.KIND_UNKNOWN', 'kind', { kind: 'deletion' as never }],
    ['REQUEST.CHANNEL_UNKNOWN', 'channel', { channel: 'pigeon' as never }],
    ['REQUEST.RECEIVED_AT_INVALID', 'receivedAt', { receivedAt: 'yesterday' }],
    ['REQUEST.RECEIVED_AT_INVALID', 'receivedAt', { receivedAt: '2030-01-01T00:00:00Z' }],
    ['REQUEST.REFERENCE_INVALID', 'reference', { reference: 'a ticket with spaces' }],
    ['REQUEST.ID_INVALID', 'requestId', { requestId: '' }],
  ])('refuses invalid request data: %s on %s', (code, field, data) => {
    spec.given([registered()]).when(receive(data)).thenThrows(code, { kind: 'invalid', field });
  });

  it('refuses a request id recorded for another request, and an unknown subject', () => {
    spec
      .given([registered(), requestReceived()])
      .when(receive({ kind: 'access' }))
      .thenThrows('REQUEST.ALREADY_EXISTS', { kind: 'conflict' });
    spec.given([]).when(receive()).thenThrows('SUBJECT.NOT_FOUND');
  });

  it('recording the same request again records nothing', () => {
    spec.given([registered(), requestReceived()]).when(receive()).thenNothing();
  });
});

describe('ExtendDataSubjectRequest', () => {
  it('records one extension by up to two further months, counted from receipt', () => {
    spec.given([registered(), requestReceived()]).when(extend()).then([extended()]);
    spec
      .given([registered(), requestReceived()])
      .when(extend(1))
      .then([extended(1, '2025-03-31T08:00:00.000Z')]);
  });

  it('refuses a second extension, more than two months, no reason, or a closed request', () => {
    spec
      .given([registered(), requestReceived(), extended()])
      .when(extend(1))
      .thenThrows('REQUEST.ALREADY_EXTENDED', { kind: 'conflict' });
    spec
      .given([registered(), requestReceived()])
      .when(extend(3))
      .thenThrows('REQUEST.EXTENSION_INVALID', { field: 'months' });
    spec
      .given([registered(), requestReceived()])
      .when(extend(2, ' '))
      .thenThrows('REQUEST.REASON_REQUIRED', { field: 'reason' });
    spec.given([registered(), requestReceived(), fulfilled]).when(extend()).thenThrows('REQUEST.CLOSED');
    spec.given([registered()]).when(extend()).thenThrows('REQUEST.NOT_FOUND', { kind: 'not_found' });
  });

  it('repeating the same extension records nothing', () => {
    spec.given([registered(), requestReceived(), extended()]).when(extend()).thenNothing();
  });
});

describe('FulfilDataSubjectRequest', () => {
  it('records the fulfilment', () => {
    spec.given([registered(), requestReceived()]).when(fulfil()).then([fulfilled]);
  });

  it('refuses a rejected or unknown request', () => {
    spec
      .given([registered(), requestReceived(), rejected])
      .when(fulfil())
      .thenThrows('REQUEST.CLOSED', { kind: 'conflict' });
    spec.given([registered()]).when(fulfil()).thenThrows('REQUEST.NOT_FOUND');
  });

  it('fulfilling twice records nothing', () => {
    spec.given([registered(), requestReceived(), fulfilled]).when(fulfil()).thenNothing();
  });
});

describe('RejectDataSubjectRequest', () => {
  it('records the rejection with its reason (Art. 12(4))', () => {
    spec.given([registered(), requestReceived()]).when(reject()).then([rejected]);
  });

  it('refuses a rejection without a reason, or of a fulfilled request', () => {
    spec
      .given([registered(), requestReceived()])
      .when(reject(''))
      .thenThrows('REQUEST.REASON_REQUIRED', { field: 'reason' });
    spec.given([registered(), requestReceived(), fulfilled]).when(reject()).thenThrows('REQUEST.CLOSED');
  });

  it('rejecting twice records nothing', () => {
    spec.given([registered(), requestReceived(), rejected]).when(reject()).thenNothing();
  });
});

describe('request state (evolve)', () => {
  it('keeps the deadline, the extension and the outcome', () => {
    const state = foldEvents(subjectDecider, [
      registered(),
      requestReceived(),
      extended(),
      rejected,
    ]) as RegisteredSubject;
    expect(state.requests['req-1']).toMatchObject({
      status: 'rejected',
      dueAt: '2025-02-28T08:00:00.000Z',
      extension: { months: 2, extendedUntil: '2025-04-30T08:00:00.000Z' },
      reason: 'identity not verified',
    });
  });
});
