import { deciderSpec } from '#testing';
import type { RectifyProfile, RegisterSubject } from './profile.commands';
import { EARLIER, NOW, SUBJECT_ID, context, registered } from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);
const allowedProfileFields = ['firstName', 'lastName'];

const register = (data: Partial<RegisterSubject['data']> = {}): RegisterSubject => ({
  type: 'RegisterSubject',
  data: { ...registered().data, ...data },
  metadata: { ...context, allowedProfileFields },
});

const rectify = (changes: Record<string, string | null>): RectifyProfile => ({
  type: 'RectifyProfile',
  data: { changes },
  metadata: { ...context, allowedProfileFields },
});

describe('RegisterSubject', () => {
  it('records the subject with its contact points and profile', () => {
    const { registeredAt: _ignored, ...data } = registered().data;
    spec
      .given([])
      .when(register(data))
      .then([{ type: 'SubjectRegistered', data: { ...data, registeredAt: NOW } }]);
  });

  it('refuses a second, different registration of the same subject', () => {
    spec
      .given([registered()])
      .when(register({ locale: 'en' }))
      .thenThrows('SUBJECT.ALREADY_REGISTERED', { kind: 'conflict' });
  });

  it('refuses a profile field that neither the schema nor a topic needs (data minimisation)', () => {
    spec
      .given([])
      .when(register({ profile: { birthday: '1990-01-01' } }))
      .thenThrows('PROFILE.FIELD_NOT_ALLOWED', {
        kind: 'invalid',
        field: 'profile.birthday',
      });
  });

  it.each([
    ['SUBJECT.ID_INVALID', 'subjectId', { subjectId: 'anna' }],
    ['SUBJECT.LOCALE_INVALID', 'locale', { locale: 'German' }],
    [
      'CHANNEL.UNKNOWN',
      'contactPoints[0].channel',
      { contactPoints: [{ contactPointId: 'cp', channel: 'pigeon', address: 'x' }] },
    ],
    [
      'CONTACT_POINT.ADDRESS_INVALID',
      'contactPoints[0].address',
      { contactPoints: [{ contactPointId: 'cp', channel: 'email', address: 'not-mail' }] },
    ],
    [
      'INPUT.ID_INVALID',
      'contactPoints[0].contactPointId',
      { contactPoints: [{ contactPointId: '', channel: 'email', address: 'a@b.de' }] },
    ],
  ])('refuses %s on %s', (code, field, data) => {
    spec.given([]).when(register(data)).thenThrows(code, { kind: 'invalid', field });
  });

  it('records the external ids given at registration and keeps them on a retried registration', () => {
    const externalIds = [
      { system: 'crm', id: '4711' },
      { system: 'shop', id: 'K:0815' },
    ];
    const { registeredAt: _ignored, ...data } = registered().data;
    const event = { type: 'SubjectRegistered' as const, data: { ...data, externalIds, registeredAt: NOW } };
    spec
      .given([])
      .when(register({ ...data, externalIds }))
      .then([event]);
    spec
      .given([event])
      .when(register({ ...data, externalIds }))
      .thenNothing();
    spec
      .given([event])
      .when(register({ ...data, externalIds: [{ system: 'crm', id: '4712' }] }))
      .thenThrows('SUBJECT.ALREADY_REGISTERED');
  });

  it('a retried registration is no change whatever the systems are named (digits sort first in objects)', () => {
    const externalIds = [
      { system: 'shop', id: 'K-1' },
      { system: '2', id: '4711' },
    ];
    const { registeredAt: _ignored, ...data } = registered().data;
    spec
      .given([{ type: 'SubjectRegistered', data: { ...data, externalIds, registeredAt: EARLIER } }])
      .when(register({ ...data, externalIds }))
      .thenNothing();
  });

  it.each([
    ['EXTERNAL_ID.SYSTEM_INVALID', 'externalIds[0].system', [{ system: 'Crm!', id: '4711' }]],
    ['EXTERNAL_ID.ID_INVALID', 'externalIds[0].id', [{ system: 'crm', id: '' }]],
    ['EXTERNAL_ID.ID_INVALID', 'externalIds', { system: 'crm', id: '4711' }],
    [
      'EXTERNAL_ID.SYSTEM_REPEATED',
      'externalIds[1].system',
      [
        { system: 'crm', id: '4711' },
        { system: 'crm', id: '4712' },
      ],
    ],
  ])('refuses %s on %s', (code, field, externalIds) => {
    spec
      .given([])
      .when(register({ externalIds: externalIds as never }))
      .thenThrows(code, { kind: 'invalid', field });
  });

  it('refuses the same contact point id twice', () => {
    const point = { contactPointId: 'cp', channel: 'email', address: 'a@b.de' };
    spec
      .given([])
      .when(register({ contactPoints: [point, point] }))
      .thenThrows('CONTACT_POINT.ALREADY_EXISTS');
  });

  it('registering the same subject again records nothing', () => {
    spec.given([registered()]).when(register()).thenNothing();
  });
});

describe('RectifyProfile', () => {
  it('records only the fields that changed (Art. 16)', () => {
    spec
      .given([registered()])
      .when(rectify({ firstName: 'Anna', lastName: 'Muster' }))
      .then([
        {
          type: 'ProfileRectified',
          data: { subjectId: SUBJECT_ID, changes: { lastName: 'Muster' }, rectifiedAt: NOW },
        },
      ]);
  });

  it('records a removed field as null', () => {
    spec
      .given([registered()])
      .when(rectify({ firstName: null }))
      .then([
        { type: 'ProfileRectified', data: { subjectId: SUBJECT_ID, changes: { firstName: null }, rectifiedAt: NOW } },
      ]);
  });

  it('refuses a field that is not allowed', () => {
    spec
      .given([registered()])
      .when(rectify({ religion: 'none' }))
      .thenThrows('PROFILE.FIELD_NOT_ALLOWED', { field: 'changes.religion' });
  });

  it('refuses a value that is not a text', () => {
    spec
      .given([registered()])
      .when(rectify({ firstName: 42 as never }))
      .thenThrows('PROFILE.VALUE_INVALID', { field: 'changes.firstName' });
  });

  it('refuses to rectify an unknown subject', () => {
    spec
      .given([])
      .when(rectify({ firstName: 'Anna' }))
      .thenThrows('SUBJECT.NOT_FOUND', { kind: 'not_found' });
  });

  it('rectifying to the same values records nothing', () => {
    spec
      .given([registered()])
      .when(rectify({ firstName: 'Anna', lastName: null }))
      .thenNothing();
  });
});
