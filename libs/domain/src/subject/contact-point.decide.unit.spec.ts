import { deciderSpec } from '#testing';
import type { AddContactPoint, RectifyContactPoint, RemoveContactPoint } from './profile.commands';
import { NOW, SUBJECT_ID, context, registered, smsAdded } from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);

const add = (data: Partial<AddContactPoint['data']> = {}): AddContactPoint => ({
  type: 'AddContactPoint',
  data: { contactPointId: 'cp-sms', channel: 'sms', address: '+49 151 2345678', ...data },
  metadata: context,
});
const rectify = (contactPointId: string, address: string): RectifyContactPoint => ({
  type: 'RectifyContactPoint',
  data: { contactPointId, address },
  metadata: context,
});
const remove = (contactPointId: string): RemoveContactPoint => ({
  type: 'RemoveContactPoint',
  data: { contactPointId },
  metadata: context,
});
const removed = {
  type: 'ContactPointRemoved' as const,
  data: { subjectId: SUBJECT_ID, contactPointId: 'cp-sms', removedAt: NOW },
};

describe('AddContactPoint', () => {
  it('records the new contact point', () => {
    spec
      .given([registered()])
      .when(add())
      .then([{ type: 'ContactPointAdded', data: { ...smsAdded().data, addedAt: NOW } }]);
  });

  it('refuses to reuse the id of a removed contact point for a new address', () => {
    spec
      .given([registered(), smsAdded(), removed])
      .when(add())
      .thenThrows('CONTACT_POINT.ALREADY_EXISTS', { kind: 'conflict' });
  });

  it('refuses an implausible address for the channel', () => {
    spec
      .given([registered()])
      .when(add({ address: 'call me' }))
      .thenThrows('CONTACT_POINT.ADDRESS_INVALID', { field: 'address' });
  });

  it('refuses a channel outside the configured list', () => {
    spec
      .given([registered()])
      .when(add({ channel: 'fax' }))
      .thenThrows('CHANNEL.UNKNOWN', { field: 'channel' });
  });

  it('refuses a contact point for an unknown subject', () => {
    spec.given([]).when(add()).thenThrows('SUBJECT.NOT_FOUND', { kind: 'not_found' });
  });

  it('adding the same contact point again records nothing', () => {
    spec.given([registered(), smsAdded()]).when(add()).thenNothing();
  });
});

describe('RectifyContactPoint', () => {
  it('records the corrected address (Art. 16)', () => {
    spec
      .given([registered()])
      .when(rectify('cp-mail', 'anna.m@example.org'))
      .then([
        {
          type: 'ContactPointRectified',
          data: { subjectId: SUBJECT_ID, contactPointId: 'cp-mail', address: 'anna.m@example.org', rectifiedAt: NOW },
        },
      ]);
  });

  it('refuses a contact point of another subject', () => {
    spec
      .given([registered()])
      .when(rectify('cp-of-someone-else', 'x@example.org'))
      .thenThrows('CONTACT_POINT.NOT_FOUND', {
        kind: 'not_found',
        field: 'contactPointId',
      });
  });

  it('refuses an address implausible for the contact point channel', () => {
    spec.given([registered()]).when(rectify('cp-mail', '+49 151 2345678')).thenThrows('CONTACT_POINT.ADDRESS_INVALID');
  });

  it('rectifying to the same address records nothing', () => {
    spec.given([registered()]).when(rectify('cp-mail', 'anna@example.org')).thenNothing();
  });
});

describe('RemoveContactPoint', () => {
  it('records the removal', () => {
    spec.given([registered(), smsAdded()]).when(remove('cp-sms')).then([removed]);
  });

  it('refuses an unknown contact point', () => {
    spec.given([registered()]).when(remove('cp-unknown')).thenThrows('CONTACT_POINT.NOT_FOUND', { kind: 'not_found' });
  });

  it('removing twice records nothing', () => {
    spec.given([registered(), smsAdded(), removed]).when(remove('cp-sms')).thenNothing();
  });
});
