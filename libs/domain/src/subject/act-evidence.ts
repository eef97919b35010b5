import { compact } from '../shared/compact';
import { refuse } from '../shared/error-codes';
import { oneOf, optionalText } from '../shared/text';
import { type EvidenceMethod, EVIDENCE_METHODS } from './evidence-method';

/**
 * How the person themselves acted (a revocation, an objection, a block or a request made in the
 * Privacy Center): Art. 7(1), 12(2) and 21 let the controller show that the act came from the
 * subject, through which means, under which text version. IP and user agent are personal data
 * and declared so (encrypted, erased with the subject's key).
 */
export type ActEvidence = {
  method: EvidenceMethod;
  sourceSystem?: string;
  /** The consent-text version the person had in front of them. */
  textVersion?: number;
  ipAddress?: string;
  userAgent?: string;
  /** The browser's Global Privacy Control signal (`Sec-GPC: 1`) accompanied the act. */
  globalPrivacyControl?: true;
};

export type ActEvidenceInput = Omit<ActEvidence, 'globalPrivacyControl'> & { globalPrivacyControl?: boolean };

/** The personal paths an event's optional `evidence` carries. */
export const ACT_EVIDENCE_PERSONAL_PATHS = ['evidence.ipAddress', 'evidence.userAgent'] as const;

/** Undefined when the command carried none (every API caller but the Privacy Center). */
export function validActEvidence(input: ActEvidenceInput | undefined): ActEvidence | undefined {
  if (input === undefined) return undefined;
  if (!oneOf(input.method, EVIDENCE_METHODS))
    refuse(
      'EVIDENCE.METHOD_UNKNOWN',
      `evidence.method must be one of ${EVIDENCE_METHODS.join(', ')}`,
      'evidence.method',
    );
  if (input.textVersion !== undefined && (!Number.isInteger(input.textVersion) || input.textVersion < 1))
    refuse('INPUT.TEXT_INVALID', 'evidence.textVersion must be a whole number of at least 1', 'evidence.textVersion');
  return compact({
    method: input.method,
    sourceSystem: optionalText(input.sourceSystem, 'INPUT.TEXT_INVALID', 'evidence.sourceSystem', 200),
    textVersion: input.textVersion,
    ipAddress: optionalText(input.ipAddress, 'INPUT.TEXT_INVALID', 'evidence.ipAddress', 64),
    userAgent: optionalText(input.userAgent, 'INPUT.TEXT_INVALID', 'evidence.userAgent', 1_000),
    globalPrivacyControl: input.globalPrivacyControl === true ? (true as const) : undefined,
  });
}
