import { refusal } from '#domain';
import type { JourneyKeys } from '#runtime';
import { openFields, signFields } from '../signed-token';

/** What a mail-footer link stands for: whoever holds it may manage this subject's choices until it expires. */
export interface PrivacyCenterLinkClaim {
  subjectId: string;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * Signed like the unsubscribe links (signed-token.ts), under a key of its own: the pseudonymous
 * subject id and the expiry, nothing about the person. Every refusal says only "invalid" or
 * "expired", never whether the subject exists.
 */
export class PrivacyCenterLinkTokens {
  constructor(private readonly keys: JourneyKeys) {}

  sign(claim: PrivacyCenterLinkClaim): string {
    return signFields(this.keys.privacyCenter.link, { s: claim.subjectId, e: claim.expiresAt });
  }

  verify(token: unknown, nowSeconds: number): PrivacyCenterLinkClaim {
    const { s, e } = openFields(this.keys.privacyCenter.link, token) ?? {};
    if (typeof s !== 'string' || typeof e !== 'number')
      throw refusal('PRIVACY_CENTER.LINK_INVALID', 'the link is not valid', 'token');
    if (e < nowSeconds) throw refusal('PRIVACY_CENTER.LINK_EXPIRED', 'the link has expired', 'token');
    return { subjectId: s, expiresAt: e };
  }
}
