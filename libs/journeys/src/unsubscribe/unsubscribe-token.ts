import { timingSafeEqual } from 'node:crypto';
import { refusal } from '#domain';
import { hmacBase64url, type JourneyKeys } from '#runtime';

/** What a one-click link stands for: this subject no longer wants this topic on this channel. */
export interface UnsubscribeClaim {
  subjectId: string;
  topicId: string;
  channel: string;
  /** Unix seconds; absent (the default) for a link that never expires. */
  expiresAt?: number;
}

/**
 * `<payload>.<mac>`: base64url JSON of the claim and an HMAC-SHA-256 under a key derived from the
 * master key. The link is the credential (RFC 8058 one-click needs no login), so only the ledger can
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
    const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
    return `${payload}.${hmacBase64url(this.keys.unsubscribe, payload)}`;
  }

  /** The claim, or a 400 naming the token: altered, foreign and expired links are all refused. */
  verify(token: unknown, nowSeconds: number): UnsubscribeClaim {
    const claim = typeof token === 'string' ? this.open(token) : undefined;
    if (claim === undefined) throw refusal('UNSUBSCRIBE.TOKEN_INVALID', 'the unsubscribe link is not valid', 'token');
    if (claim.expiresAt !== undefined && claim.expiresAt < nowSeconds)
      throw refusal('UNSUBSCRIBE.TOKEN_EXPIRED', 'the unsubscribe link has expired', 'token');
    return claim;
  }

  private open(token: string): UnsubscribeClaim | undefined {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return undefined;
    const expected = Buffer.from(hmacBase64url(this.keys.unsubscribe, payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { s, t, c, e } = raw;
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
