import { compact } from '../shared/compact';
import { refuse } from '../shared/error-codes';
import { oneOf, optionalText, requireText } from '../shared/text';
import type { TopicView } from '../topic/topic.view';
import { ageOfConsentFor, belowAgeOfConsent, type AgeOfDigitalConsent } from './age';
import type { Profile } from './profile.events';

/** Art. 8(2): how the controller verified that the holder of parental responsibility authorised. */
export const PARENTAL_VERIFICATION_METHODS = [
  'signed_form',
  'email_confirmation',
  'id_document',
  'payment_card',
  'video_call',
  'in_person',
] as const;
export type ParentalVerificationMethod = (typeof PARENTAL_VERIFICATION_METHODS)[number];

/**
 * Art. 8(1): the authorisation by the holder of parental responsibility, as the evidence records
 * it: the method and a reference to the verification (a case or document number, never a name in
 * clear). `holderName` is personal data and stored only encrypted.
 */
export type ParentalAuthorisation = { method: ParentalVerificationMethod; reference: string; holderName?: string };

const AT = 'evidence.parentalAuthorisation';

export function validParentalAuthorisation(value: unknown): ParentalAuthorisation | undefined {
  if (value === undefined) return undefined;
  const given = (value ?? {}) as Partial<Record<keyof ParentalAuthorisation, unknown>>;
  if (!oneOf(given.method, PARENTAL_VERIFICATION_METHODS)) {
    refuse(
      'EVIDENCE.PARENTAL_METHOD_UNKNOWN',
      `${AT}.method is required, one of ${PARENTAL_VERIFICATION_METHODS.join(', ')}`,
      `${AT}.method`,
    );
  }
  return compact({
    method: given.method,
    reference: requireText(given.reference, 'EVIDENCE.PARENTAL_REFERENCE_REQUIRED', `${AT}.reference`, 200),
    holderName: optionalText(given.holderName, 'INPUT.TEXT_INVALID', `${AT}.holderName`, 200),
  });
}

/**
 * Art. 8(1): consent to an information-society service offered directly to a child below the age
 * of digital consent is lawful only with the authorisation of the holder of parental
 * responsibility. An unknown age is not refused: nothing tells the person is a child. A double
 * opt-in proves the address, not a parent, so it names `field` and cannot stand in for one.
 */
export function requireParentalAuthorisation(
  profile: Profile,
  topic: TopicView,
  authorisation: ParentalAuthorisation | undefined,
  { ageOfDigitalConsent: rule, now }: { ageOfDigitalConsent: AgeOfDigitalConsent; now: string },
  field = AT,
): void {
  if (!topic.offeredToChildren || authorisation !== undefined) return;
  if (belowAgeOfConsent(profile, rule, now) !== true) return;
  refuse(
    'CONSENT.PARENTAL_AUTHORISATION_REQUIRED',
    `the subject is below the age of digital consent (${ageOfConsentFor(profile, rule)}) for ${topic.id}: ` +
      'the evidence must record the authorisation by the holder of parental responsibility (Art. 8(1))',
    field,
  );
}
