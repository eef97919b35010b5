/** `privacy_center`: the person acted themselves on their Privacy Center page (Art. 7(3), 12(2)). */
export const EVIDENCE_METHODS = ['checkbox', 'double_opt_in', 'paper', 'verbal', 'import', 'privacy_center'] as const;
export type EvidenceMethod = (typeof EVIDENCE_METHODS)[number];

export const PRIVACY_CENTER_METHOD = 'privacy_center' satisfies EvidenceMethod;

/** What a caller with an API key may claim: only the Privacy Center itself records `privacy_center`. */
export const CALLER_EVIDENCE_METHODS = EVIDENCE_METHODS.filter((method) => method !== PRIVACY_CENTER_METHOD);
