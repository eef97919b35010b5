import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { refusal } from '#domain';
import type { OperationalStore } from '#read-store';
import { hmacBase64url, type JourneyKeys } from '#runtime';
import { VersionedWriter } from '../versioned-writer';

/** One document per sign-in link mailed: the token's hash, never the token or the address. */
export const SIGN_IN_COLLECTION = 'journey_privacy_center_sign_ins';
/** A sign-in link works once, for 30 minutes: long enough to open a mail, short for a stolen one. */
export const SIGN_IN_TTL_MS = 30 * 60_000;

interface SignInDoc {
  [key: string]: unknown;
  subjectId: string;
  /** The address the mail went to: a session from this link has proven it. */
  contactPointId: string;
  tokenHash: string;
  expiresAt: string;
  usedAt?: string;
}

export interface IssuedSignIn {
  signInId: string;
  token: string;
  expiresAt: string;
}

export interface RedeemedSignIn {
  signInId: string;
  subjectId: string;
  contactPointId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * `<signInId>.<HMAC(signInId)>` under a master-derived key: the id finds the record, the MAC makes
 * forging one pointless, and only the SHA-256 of the token is stored. Redemption marks the record
 * used under the store's version guard, so neither a double click nor two api processes open two
 * sessions from one link.
 */
export class SignInTokens {
  private readonly writer: VersionedWriter;
  private redeeming: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: OperationalStore,
    private readonly keys: JourneyKeys,
  ) {
    this.writer = new VersionedWriter(store, 'journeys.privacy-center.sign-ins');
  }

  async issue(subjectId: string, contactPointId: string, now: Date): Promise<IssuedSignIn> {
    const signInId = randomUUID();
    const token = this.tokenFor(signInId);
    const expiresAt = new Date(now.getTime() + SIGN_IN_TTL_MS).toISOString();
    const doc: SignInDoc = { subjectId, contactPointId, tokenHash: sha256(token).toString('hex'), expiresAt };
    await this.writer.write([{ kind: 'put', collection: SIGN_IN_COLLECTION, id: signInId, doc }]);
    return { signInId, token, expiresAt };
  }

  redeem(token: unknown, now: Date): Promise<RedeemedSignIn> {
    const next = this.redeeming.then(() => this.redeemNow(token, now));
    this.redeeming = next.catch(() => undefined);
    return next;
  }

  /** Checked and marked used under one version: another process redeeming it meanwhile makes us check again. */
  private redeemNow(token: unknown, now: Date): Promise<RedeemedSignIn> {
    return this.writer.decideAndWrite(() => this.use(token, now));
  }

  private async use(token: unknown, now: Date) {
    const signInId = typeof token === 'string' ? token.split('.')[0]! : '';
    const found = UUID.test(signInId) ? await this.store.get<SignInDoc>(SIGN_IN_COLLECTION, signInId) : undefined;
    if (found === undefined || !sameHash(found.doc.tokenHash, token as string))
      throw refusal('PRIVACY_CENTER.LINK_INVALID', 'the link is not valid', 'token');
    const doc = found.doc;
    if (doc.usedAt !== undefined) throw refusal('PRIVACY_CENTER.LINK_USED', 'the link was already used', 'token');
    if (Date.parse(doc.expiresAt) <= now.getTime())
      throw refusal('PRIVACY_CENTER.LINK_EXPIRED', 'the link has expired', 'token');
    const used = { ...doc, usedAt: now.toISOString() };
    return {
      writes: [{ kind: 'put' as const, collection: SIGN_IN_COLLECTION, id: signInId, doc: used }],
      result: { signInId, subjectId: doc.subjectId, contactPointId: doc.contactPointId },
    };
  }

  private tokenFor(signInId: string): string {
    return `${signInId}.${hmacBase64url(this.keys.privacyCenter.signIn, signInId)}`;
  }
}

function sameHash(storedHex: string, token: string): boolean {
  const stored = Buffer.from(storedHex, 'hex');
  const given = sha256(token);
  return stored.length === given.length && timingSafeEqual(stored, given);
}
