import { createHash, timingSafeEqual } from 'node:crypto';
import { hmacBase64url, type JourneyKeys } from '#runtime';

export const DOUBLE_OPT_IN_TOKENS = Symbol('DOUBLE_OPT_IN_TOKENS');

/**
 * A double opt-in token is an HMAC of (subject, request) under a key derived from the master key.
 * The log keeps only its SHA-256, as before; but the mail outbox, driven by the event subscription,
 * can compute the token again from the `DoubleOptInRequested` event, so the clear token is never
 * stored anywhere (not even encrypted) and nothing is lost between request and mail.
 */
/** SHA-256 hex, as `hashToken` in subjects/double-opt-in.commands.ts records it. */
export class DoubleOptInTokens {
  constructor(private readonly keys: JourneyKeys) {}

  issue(subjectId: string, requestId: string): string {
    return `${subjectId}.${hmacBase64url(this.keys.doubleOptIn, `${subjectId}:${requestId}`)}`;
  }

  /** The token for a recorded request, or undefined when its hash was not made this way (older requests). */
  reissue(subjectId: string, requestId: string, tokenHash: string): string | undefined {
    const token = this.issue(subjectId, requestId);
    const same = createHash('sha256').update(token).digest();
    const recorded = Buffer.from(tokenHash, 'hex');
    return same.length === recorded.length && timingSafeEqual(same, recorded) ? token : undefined;
  }
}
