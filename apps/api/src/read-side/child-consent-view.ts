import { ageOfConsentFor, belowAgeOfConsent, type AgeOfDigitalConsent } from '#domain';

/** Art. 8(1) as the subject page shows it: the age of consent that applies and whether the subject is below. */
export type ChildConsentView = { ageOfDigitalConsent: number; belowAgeOfDigitalConsent: boolean | null };

/** From the decrypted profile (erased fields are not texts and count as unknown); null: the age is unknown. */
export function childConsentView(
  profile: Readonly<Record<string, unknown>>,
  rule: AgeOfDigitalConsent,
  now: string,
): ChildConsentView {
  const texts = Object.fromEntries(
    Object.entries(profile).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return {
    ageOfDigitalConsent: ageOfConsentFor(texts, rule),
    belowAgeOfDigitalConsent: belowAgeOfConsent(texts, rule, now) ?? null,
  };
}
