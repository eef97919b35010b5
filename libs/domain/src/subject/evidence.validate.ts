import { refuse } from '../shared/error-codes';
import { compact } from '../shared/compact';
import { oneOf, optionalText, requireText } from '../shared/text';
import { instant, requireIsoTimestamp } from '../shared/time';
import type { EvidenceInput } from './consent.commands';
import type { ConsentEvidence } from './consent.events';
import { EVIDENCE_METHODS } from './evidence-method';

type CheckedEvidence = Omit<ConsentEvidence, 'textVersion' | 'textHash'>;

/** Art. 7(1): the controller must be able to demonstrate consent, so evidence is complete or refused. */
export function validEvidence(evidence: EvidenceInput | undefined, now: string): CheckedEvidence {
  // Art. 4(11), Recital 32, Art. 25(2): silence, a pre-ticked box or inactivity is no consent.
  if (evidence?.affirmativeAction !== true) {
    refuse(
      'CONSENT.PRE_TICKED',
      'consent needs an affirmative action; a pre-ticked or implicit grant is refused',
      'evidence.affirmativeAction',
    );
  }
  if (!oneOf(evidence.method, EVIDENCE_METHODS)) {
    refuse(
      'EVIDENCE.METHOD_UNKNOWN',
      `evidence.method must be one of ${EVIDENCE_METHODS.join(', ')}`,
      'evidence.method',
    );
  }
  const capturedAt = requireIsoTimestamp(evidence.capturedAt, 'EVIDENCE.CAPTURED_AT_INVALID', 'evidence.capturedAt');
  if (instant(capturedAt) > instant(now))
    refuse('EVIDENCE.IN_FUTURE', 'evidence cannot be captured in the future', 'evidence.capturedAt');
  return compact({
    method: evidence.method,
    capturedAt,
    sourceSystem: requireText(evidence.sourceSystem, 'EVIDENCE.SOURCE_REQUIRED', 'evidence.sourceSystem', 200),
    formId: optionalText(evidence.formId, 'INPUT.TEXT_INVALID', 'evidence.formId', 200),
    ipAddress: optionalText(evidence.ipAddress, 'INPUT.TEXT_INVALID', 'evidence.ipAddress', 64),
    userAgent: optionalText(evidence.userAgent, 'INPUT.TEXT_INVALID', 'evidence.userAgent', 1_000),
    affirmativeAction: true,
    globalPrivacyControl: evidence.globalPrivacyControl === true ? (true as const) : undefined,
  });
}
