import {
  type AgeOfDigitalConsent,
  DEFAULT_AGE_OF_DIGITAL_CONSENT,
  isCountryCode,
  MIN_AGE_OF_DIGITAL_CONSENT,
} from '#domain';
import { ConfigError } from './app-config-error';
import { envInteger } from './env-values';

const ENTRY = /^([A-Z]{2}):(\d{1,2})$/;

/**
 * AGE_OF_DIGITAL_CONSENT (default 16) and AGE_OF_DIGITAL_CONSENT_BY_COUNTRY (`AT:14,FR:15`): Art.
 * 8(1) lets each member state set an age from 13 to 16; anything outside stops the start.
 */
export function loadAgeOfDigitalConsent(env: NodeJS.ProcessEnv): AgeOfDigitalConsent {
  const range = [MIN_AGE_OF_DIGITAL_CONSENT, DEFAULT_AGE_OF_DIGITAL_CONSENT] as const;
  return {
    default: envInteger('AGE_OF_DIGITAL_CONSENT', env.AGE_OF_DIGITAL_CONSENT, DEFAULT_AGE_OF_DIGITAL_CONSENT, ...range),
    byCountry: byCountry(env.AGE_OF_DIGITAL_CONSENT_BY_COUNTRY),
  };
}

function byCountry(raw: string | undefined): Readonly<Record<string, number>> {
  if (raw === undefined || raw.trim() === '') return {};
  const ages: Record<string, number> = {};
  for (const entry of raw.split(',').map((item) => item.trim())) {
    const match = ENTRY.exec(entry);
    const age = Number(match?.[2]);
    if (
      !match ||
      !isCountryCode(match[1]) ||
      age < MIN_AGE_OF_DIGITAL_CONSENT ||
      age > DEFAULT_AGE_OF_DIGITAL_CONSENT
    ) {
      throw new ConfigError(
        'AGE_OF_DIGITAL_CONSENT_BY_COUNTRY',
        `must be a list like "AT:14,FR:15" (ISO 3166-1 alpha-2 code, age 13 to 16), got "${entry}"`,
      );
    }
    ages[match[1]!] = age;
  }
  return ages;
}
