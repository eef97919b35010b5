import { type AgeOfDigitalConsent, DEFAULT_CHANNELS } from '#domain';
import { loadAgeOfDigitalConsent } from './age-of-digital-consent';
import { ConfigError } from './app-config-error';

/** What the deciders need from configuration; passed on each command's context, never read by the domain. */
export interface DomainSettings {
  /** CHANNELS: the channels topics may allow (extensible, e.g. `email,sms,signal`). */
  channels: readonly string[];
  /** PROFILE_FIELDS: profile fields any subject may hold; topics add the personal fields they need. */
  profileFields: readonly string[];
  /** DOUBLE_OPT_IN_TTL_HOURS: how long a double opt-in link stays valid. */
  doubleOptInTtlHours: number;
  /** AGE_OF_DIGITAL_CONSENT[_BY_COUNTRY]: Art. 8(1), for topics offered to children. */
  ageOfDigitalConsent: AgeOfDigitalConsent;
}

export const DEFAULT_PROFILE_FIELDS = ['salutation', 'firstName', 'lastName', 'company'] as const;

const NAME = /^[a-z][a-zA-Z0-9_-]{0,39}$/;

function list(setting: string, raw: string | undefined, fallback: readonly string[]): readonly string[] {
  if (raw === undefined || raw.trim() === '') return fallback;
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const bad = items.find((item) => !NAME.test(item));
  if (bad !== undefined || items.length === 0) {
    throw new ConfigError(setting, `must be a comma-separated list of names like "email,sms", got "${raw}"`);
  }
  return [...new Set(items)];
}

function hours(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 48;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 24 * 30) {
    throw new ConfigError('DOUBLE_OPT_IN_TTL_HOURS', `must be a whole number of hours from 1 to 720, got "${raw}"`);
  }
  return value;
}

export function loadDomainSettings(env: NodeJS.ProcessEnv): DomainSettings {
  return {
    channels: list('CHANNELS', env.CHANNELS, DEFAULT_CHANNELS),
    profileFields: list('PROFILE_FIELDS', env.PROFILE_FIELDS, DEFAULT_PROFILE_FIELDS),
    doubleOptInTtlHours: hours(env.DOUBLE_OPT_IN_TTL_HOURS),
    ageOfDigitalConsent: loadAgeOfDigitalConsent(env),
  };
}
