import { createHash, timingSafeEqual, type KeyObject } from 'node:crypto';
import { hmacBase64url } from '#runtime';

/** SHA-256 hex of a token: all the log ever keeps of it. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A single-use link token: `<subject>.<HMAC of (subject, id)>` under a key derived from the master
 * key for one purpose. The log keeps only its SHA-256; a mail outbox driven by the event
 * subscription computes the token again from the event, so the clear token is stored nowhere
 * (not even encrypted) and nothing is lost between the command and the mail. The subject id in
 * front lets a public link find its stream.
 */
export class DerivedTokens {
  constructor(private readonly key: KeyObject) {}

  issue(subjectId: string, id: string): string {
    return `${subjectId}.${hmacBase64url(this.key, `${subjectId}:${id}`)}`;
  }

  /** The token for a recorded hash, or undefined when the hash was not made this way (older records). */
  reissue(subjectId: string, id: string, tokenHash: string): string | undefined {
    const token = this.issue(subjectId, id);
    const same = createHash('sha256').update(token).digest();
    const recorded = Buffer.from(tokenHash, 'hex');
    return same.length === recorded.length && timingSafeEqual(same, recorded) ? token : undefined;
  }
}
