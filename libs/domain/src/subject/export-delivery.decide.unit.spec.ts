import { deciderSpec } from '#testing';
import type { DeliverExport, OpenExportDelivery } from './export-delivery.commands';
import type { ExportDeliveryOpened, ExportDeliveryRequested } from './export-delivery.events';
import { requestReceived } from './privacy.fixtures';
import { LATER, NOW, SUBJECT_ID, context, registered, smsAdded } from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);
const HASH = 'e'.repeat(64);

const deliver = (data: Partial<DeliverExport['data']> = {}): DeliverExport => ({
  type: 'DeliverExport',
  data: { deliveryId: 'del-1', tokenHash: HASH, expiresAt: LATER, requestedBy: 'e2e-dpo', ...data },
  metadata: context,
});
const requested = (requestIds: string[] = []): ExportDeliveryRequested => ({
  type: 'ExportDeliveryRequested',
  data: {
    subjectId: SUBJECT_ID,
    deliveryId: 'del-1',
    contactPointId: 'cp-mail',
    tokenHash: HASH,
    expiresAt: LATER,
    requestIds,
    requestedBy: 'e2e-dpo',
    requestedAt: NOW,
  },
});
const open = (tokenHash = HASH, now = NOW): OpenExportDelivery => ({
  type: 'OpenExportDelivery',
  data: { tokenHash },
  metadata: { ...context, now },
});
const opened: ExportDeliveryOpened = {
  type: 'ExportDeliveryOpened',
  data: { subjectId: SUBJECT_ID, deliveryId: 'del-1', openedAt: NOW },
};
const fulfilled = (requestId: string) => ({
  type: 'DataSubjectRequestFulfilled' as const,
  data: { subjectId: SUBJECT_ID, requestId, fulfilledAt: NOW },
});

describe('DeliverExport', () => {
  it('records the link (its hash only) to the first e-mail address and fulfils every open access request (Art. 12(3), 15(3))', () => {
    spec
      .given([registered(), requestReceived('access', 'req-1'), requestReceived('erasure', 'req-2')])
      .when(deliver())
      .then([requested(['req-1']), fulfilled('req-1')]);
  });

  it('refuses a subject without e-mail address, a contact point on another channel, a request of another kind', () => {
    spec
      .given([registered(), requestReceived('erasure')])
      .when(deliver({ requestId: 'req-1' }))
      .thenThrows('REQUEST.KIND_MISMATCH', { field: 'requestId' });
    spec
      .given([registered(), smsAdded()])
      .when(deliver({ contactPointId: smsAdded().data.contactPointId }))
      .thenThrows('CONTACT_POINT.CHANNEL_MISMATCH', { field: 'contactPointId' });
    spec
      .given([
        registered(),
        { type: 'ContactPointRemoved', data: { subjectId: SUBJECT_ID, contactPointId: 'cp-mail', removedAt: NOW } },
      ])
      .when(deliver())
      .thenThrows('EXPORT.NO_EMAIL_ADDRESS', { field: 'contactPointId' });
  });

  it('delivering the same delivery id again records nothing', () => {
    spec.given([registered(), requested()]).when(deliver()).then([]);
  });
});

describe('OpenExportDelivery', () => {
  it('records that the person opened the link', () => {
    spec.given([registered(), requested()]).when(open()).then([opened]);
  });

  it('refuses an unknown link, a second use and an expired link', () => {
    spec
      .given([registered(), requested()])
      .when(open('f'.repeat(64)))
      .thenThrows('EXPORT_LINK.UNKNOWN');
    spec.given([registered(), requested(), opened]).when(open()).thenThrows('EXPORT_LINK.USED');
    spec.given([registered(), requested()]).when(open(HASH, LATER)).thenThrows('EXPORT_LINK.EXPIRED');
  });

  it('opening an erased subject’s link records nothing and is refused', () => {
    spec
      .given([
        registered(),
        requested(),
        { type: 'SubjectErased', data: { subjectId: SUBJECT_ID, cause: 'controller', erasedAt: NOW } },
      ])
      .when(open())
      .thenThrows('SUBJECT.ERASED');
  });
});
