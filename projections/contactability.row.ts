import type { BlockScope, Channel, ConsentScope, ConsentStatusFacts, ObjectionScope } from '#domain';
import type { ProfileConsent, SubjectProfileDocument } from './subject-profile.document';

/**
 * Beside each subject profile (same id, written in the same commit), the little a contactability
 * decision reads: a check parses this instead of the whole profile. Ids, channels, states and the
 * ids of the events that prove them; no ciphertext, no addresses, no reasons, no hashes.
 */
export const CONTACTABILITY_ROWS = 'contactability_rows';

type PointFacts = { contactPointId: string; channel: Channel; eventId: string };
export type RowContactPoint = (PointFacts & { status: 'active' }) | (PointFacts & { status: 'removed' });

export type RowConsent = ConsentStatusFacts & { scope: ConsentScope; eventId: string; grantEventId?: string };

/** What decideContactability and decideProfiling read; a whole profile is one too. */
export type ContactabilityProfile = {
  erased?: true;
  erasedEventId?: string;
  contactPoints: readonly RowContactPoint[];
  consents: readonly RowConsent[];
  objections: readonly { scope: ObjectionScope; eventId: string }[];
  blocks: readonly { scope: BlockScope; eventId: string }[];
};

export type ContactabilityRow = ContactabilityProfile & { subjectId: string };

/** The row of one profile: every field copied by name, so nothing else of the profile slips in. */
export function contactabilityRow(profile: SubjectProfileDocument): ContactabilityRow {
  return {
    subjectId: profile.subjectId,
    ...(profile.erased ? { erased: true, erasedEventId: profile.erasedEventId } : {}),
    contactPoints: profile.contactPoints.map(
      ({ status, contactPointId, channel, eventId }): RowContactPoint => ({ status, contactPointId, channel, eventId }),
    ),
    consents: profile.consents.map(rowConsent),
    objections: profile.objections.map(({ scope, eventId }) => ({ scope, eventId })),
    blocks: profile.blocks.map(({ scope, eventId }) => ({ scope, eventId })),
  };
}

function rowConsent(consent: ProfileConsent): RowConsent {
  const proof = { scope: consent.scope, eventId: consent.eventId };
  switch (consent.status) {
    case 'pending-double-opt-in':
      return { status: consent.status, expiresAt: consent.expiresAt, ...proof };
    case 'granted': {
      const { evidence, expiresAt } = consent.grant;
      const grant = { evidence: { textVersion: evidence.textVersion }, ...(expiresAt ? { expiresAt } : {}) };
      return { status: consent.status, grant, ...proof };
    }
    case 'revoked':
      return {
        status: consent.status,
        ...proof,
        ...(consent.grantEventId ? { grantEventId: consent.grantEventId } : {}),
      };
    case 'expired':
      return { status: consent.status, ...proof };
    default: {
      const unreachable: never = consent;
      return unreachable;
    }
  }
}
