import { refuse } from '../shared/error-codes';
import type { LegalBasis, TopicDefinition } from './topic.events';

/** W3C Data Privacy Vocabulary (https://w3id.org/dpv) and its EU GDPR extension. */
export const DPV = 'https://w3id.org/dpv#';
export const DPV_GDPR = 'https://w3id.org/dpv/legal/eu/gdpr#';

/** A DPV concept is a PascalCase local name in the namespace, e.g. `https://w3id.org/dpv#DirectMarketing`. */
const DPV_TERM = new RegExp(`^${DPV.replace(/[.#/]/g, '\\$&')}[A-Z][A-Za-z0-9]{0,99}$`);
const MAX_PURPOSES = 10;

/**
 * Each legal basis as its DPV concept and, where the GDPR extension defines one, its article
 * (Art. 6(1)(a), (b), (f)), so a consent record states the basis in both vocabularies.
 */
export const DPV_LEGAL_BASES: { readonly [B in LegalBasis]: readonly string[] } = {
  consent: [`${DPV}Consent`, `${DPV_GDPR}A6-1-a`],
  contract: [`${DPV}Contract`, `${DPV_GDPR}A6-1-b`],
  legitimate_interest: [`${DPV}LegitimateInterest`, `${DPV_GDPR}A6-1-f`],
};

/**
 * When a topic declares no DPV purpose: a contract topic serves the contract (`ServiceProvision`);
 * for consent and legitimate interest nothing narrower than `Purpose` follows from the basis alone,
 * and claiming e.g. marketing for a topic that never said so would misstate the purpose (Art. 5(1)(b)).
 */
const DEFAULT_PURPOSES: { readonly [B in LegalBasis]: readonly string[] } = {
  consent: [`${DPV}Purpose`],
  contract: [`${DPV}ServiceProvision`],
  legitimate_interest: [`${DPV}Purpose`],
};

/** Optional on the definition: absent means the default of the legal basis. */
export function validDpvPurposes(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const ok =
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= MAX_PURPOSES &&
    value.every((iri) => typeof iri === 'string' && DPV_TERM.test(iri));
  if (!ok) {
    refuse(
      'TOPIC.DPV_PURPOSE_INVALID',
      `dpvPurposes must list 1 to ${MAX_PURPOSES} purpose IRIs in the DPV namespace ${DPV}, e.g. ${DPV}DirectMarketing`,
      'dpvPurposes',
    );
  }
  return [...new Set(value as string[])];
}

export function dpvPurposesOf(definition: Pick<TopicDefinition, 'dpvPurposes' | 'legalBasis'>): readonly string[] {
  return definition.dpvPurposes ?? DEFAULT_PURPOSES[definition.legalBasis];
}
