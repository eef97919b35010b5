import { deciderSpec } from '#testing';
import { belowAgeOfConsent, yearsAt } from './age';
import type { RectifyProfile, RegisterSubject } from './profile.commands';
import { AGE_RULE, NOW, SUBJECT_ID, context, registered } from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);
const metadata = { ...context, allowedProfileFields: ['firstName'] };
const register = (profile: Record<string, string>): RegisterSubject => ({
  type: 'RegisterSubject',
  data: { ...registered().data, profile },
  metadata,
});
const rectify = (changes: Record<string, string | null>): RectifyProfile => ({
  type: 'RectifyProfile',
  data: { changes },
  metadata,
});

describe('age fields on the profile (Art. 8)', () => {
  it('records a date of birth, an age band and a country without a topic asking for them', () => {
    const profile = { firstName: 'Lena', dateOfBirth: '2012-06-01', ageBand: '10-12', country: 'AT' };
    const { registeredAt: _at, ...data } = registered().data;
    spec
      .given([])
      .when(register(profile))
      .then([{ type: 'SubjectRegistered', data: { ...data, profile, registeredAt: NOW } }]);
  });

  it.each([
    ['PROFILE.DATE_OF_BIRTH_INVALID', 'profile.dateOfBirth', { dateOfBirth: '2025-03-02' }],
    ['PROFILE.DATE_OF_BIRTH_INVALID', 'profile.dateOfBirth', { dateOfBirth: '1899-12-31' }],
    ['PROFILE.DATE_OF_BIRTH_INVALID', 'profile.dateOfBirth', { dateOfBirth: '2012-02-30' }],
    ['PROFILE.DATE_OF_BIRTH_INVALID', 'profile.dateOfBirth', { dateOfBirth: '01.06.2012' }],
    ['PROFILE.AGE_BAND_INVALID', 'profile.ageBand', { ageBand: '15-13' }],
    ['PROFILE.AGE_BAND_INVALID', 'profile.ageBand', { ageBand: 'teen' }],
    ['PROFILE.COUNTRY_UNKNOWN', 'profile.country', { country: 'XX' }],
    ['PROFILE.COUNTRY_UNKNOWN', 'profile.country', { country: 'at' }],
  ])('refuses %s on %s', (code, field, profile) => {
    spec.given([]).when(register(profile)).thenThrows(code, { kind: 'invalid', field });
  });

  it('rectifies a date of birth by the same rules, and removes it with null', () => {
    spec
      .given([registered()])
      .when(rectify({ dateOfBirth: '2030-01-01' }))
      .thenThrows('PROFILE.DATE_OF_BIRTH_INVALID', { field: 'changes.dateOfBirth' });
    spec
      .given([registered()])
      .when(rectify({ dateOfBirth: null, country: 'FR' }))
      .then([
        { type: 'ProfileRectified', data: { subjectId: SUBJECT_ID, changes: { country: 'FR' }, rectifiedAt: NOW } },
      ]);
  });
});

describe('age at the command time', () => {
  it('counts whole years up to the birthday, from the clock on the command', () => {
    expect(yearsAt('2011-03-01', NOW)).toBe(14);
    expect(yearsAt('2011-03-02', NOW)).toBe(13);
    expect(yearsAt('2008-02-29', '2026-02-28T23:00:00.000Z')).toBe(17);
    expect(yearsAt('2008-02-29', '2026-03-01T00:00:00.000Z')).toBe(18);
  });

  it('is unknown without a date of birth or a band; a date of birth wins over a band', () => {
    expect(belowAgeOfConsent({}, AGE_RULE, NOW)).toBeUndefined();
    expect(belowAgeOfConsent({ dateOfBirth: '2000-01-01', ageBand: '10-12' }, AGE_RULE, NOW)).toBe(false);
    expect(belowAgeOfConsent({ ageBand: '18+' }, AGE_RULE, NOW)).toBe(false);
    expect(belowAgeOfConsent({ ageBand: '14-15', country: 'AT' }, AGE_RULE, NOW)).toBe(false);
  });
});
