import { isCountryCode } from '../shared/countries';
import { refuse } from '../shared/error-codes';
import type { Profile } from './profile.events';

/** Art. 8(1): 16 unless a member state provides a lower age, which may not be below 13. */
export const DEFAULT_AGE_OF_DIGITAL_CONSENT = 16;
export const MIN_AGE_OF_DIGITAL_CONSENT = 13;

/** The age that applies to a subject: its member state's, else the default (from configuration). */
export type AgeOfDigitalConsent = Readonly<{ default: number; byCountry: Readonly<Record<string, number>> }>;

/**
 * Profile fields any subject may hold so that Art. 8 can be applied: a date of birth
 * (YYYY-MM-DD) or an age band (`13-15`, `18+`), and the ISO 3166-1 alpha-2 country whose age
 * applies. Personal data like the rest of the profile, so stored encrypted and shredded with it.
 */
export const AGE_PROFILE_FIELDS = ['dateOfBirth', 'ageBand', 'country'] as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BAND = /^(\d{1,3})(?:-(\d{1,3})|\+)$/;
const EARLIEST_BIRTH = '1900-01-01';
const OLDEST = 130;

export function isAgeField(field: string): boolean {
  return (AGE_PROFILE_FIELDS as readonly string[]).includes(field);
}

/** The rule each age field's value must follow; other fields are not checked here. */
export function requireValidAgeField(field: string, value: string, now: string, at: string): void {
  if (field === 'dateOfBirth' && !(isCalendarDate(value) && value >= EARLIEST_BIRTH && value <= dateOf(now))) {
    refuse('PROFILE.DATE_OF_BIRTH_INVALID', 'dateOfBirth must be a date YYYY-MM-DD from 1900-01-01 up to today', at);
  }
  if (field === 'ageBand' && bandOf(value) === undefined) {
    refuse('PROFILE.AGE_BAND_INVALID', 'ageBand must be "min-max" or "min+" in years, e.g. "13-15" or "18+"', at);
  }
  if (field === 'country' && !isCountryCode(value)) {
    refuse('PROFILE.COUNTRY_UNKNOWN', 'country must be an ISO 3166-1 alpha-2 code such as "AT"', at);
  }
}

/**
 * Below the age of digital consent at `now`: true or false, undefined where nothing tells the age.
 * A date of birth wins over a band; a band that reaches below the age counts as below, because
 * the controller could not show the person was old enough (Art. 7(1), 8(2)).
 */
export function belowAgeOfConsent(profile: Profile, rule: AgeOfDigitalConsent, now: string): boolean | undefined {
  const age = ageOfConsentFor(profile, rule);
  if (profile.dateOfBirth !== undefined && isCalendarDate(profile.dateOfBirth)) {
    return yearsAt(profile.dateOfBirth, now) < age;
  }
  const band = profile.ageBand === undefined ? undefined : bandOf(profile.ageBand);
  return band === undefined ? undefined : band.min < age;
}

export function ageOfConsentFor(profile: Profile, rule: AgeOfDigitalConsent): number {
  return (profile.country !== undefined ? rule.byCountry[profile.country] : undefined) ?? rule.default;
}

/** Whole years completed between the date of birth and the day of `now` (UTC). */
export function yearsAt(dateOfBirth: string, now: string): number {
  const today = dateOf(now);
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

function dateOf(now: string): string {
  return new Date(Date.parse(now)).toISOString().slice(0, 10);
}

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function bandOf(value: string): { min: number; max: number } | undefined {
  const match = BAND.exec(value);
  if (!match) return undefined;
  const min = Number(match[1]);
  const max = match[2] === undefined ? OLDEST : Number(match[2]);
  return min <= max && max <= OLDEST ? { min, max } : undefined;
}
