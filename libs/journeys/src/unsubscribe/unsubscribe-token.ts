import { refusal } from '#domain';
import type { JourneyKeys } from '#runtime';
import { openFields, signFields } from '../signed-token';

/** What a one-click link stands for: this subject no longer wants this topic on this channel. */
export interface UnsubscribeClaim {
  subjectId: string;
  topicId: string;
  channel: string;
  /** Unix seconds; absent (the default) for a link that never expires. */
  expiresAt?: number;
}

/**
 * A signed token (signed-token.ts) of the claim. The link is the credential (RFC 8058 one-click needs no login), so only the ledger can
 * mint one; the payload holds the pseudonymous subject id, never an address. A link expires only
 * when its issuer asked for it (ttlDays): an objection is a right at any time (Art. 21(2)), so a
 * mail read a year later must still record it.
 */
export class UnsubscribeTokens {
  constructor(private readonly keys: JourneyKeys) {}

  sign(claim: UnsubscribeClaim): string {
    const fields = {
      s: claim.subjectId,
      t: claim.topicId,
      c: claim.channel,
      ...(claim.expiresAt === undefined ? {} : { e: claim.expiresAt }),
    };
    return signFields(this.keys.unsubscribe, fields);
  }

  /** The claim, or a 400 naming the token: altered, foreign and expired links are all refused. */
  verify(token: unknown, nowSeconds: number): UnsubscribeClaim {
    const claim = this.open(token);
    if (claim === undefined) throw refusal('UNSUBSCRIBE.TOKEN_INVALID', 'the unsubscribe link is not valid', 'token');
    if (claim.expiresAt !== undefined && claim.expiresAt < nowSeconds)
      throw refusal('UNSUBSCRIBE.TOKEN_EXPIRED', 'the unsubscribe link has expired', 'token');
    return claim;
  }

  private open(token: unknown): UnsubscribeClaim | undefined {
    const { s, t, c, e } = openFields(this.keys.unsubscribe, token) ?? {};
    if (
      typeof s !== 'string' ||
      typeof t !== 'string' ||
      typeof c !== 'string' ||
      (e !== undefined && typeof e !== 'number')
    )
      return undefined;
    return { subjectId: s, topicId: t, channel: c, ...(e === undefined ? {} : { expiresAt: e }) };
  }
}
