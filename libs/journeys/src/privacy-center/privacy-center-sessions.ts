import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { OperationalStore } from '#read-store';
import { hmacBase64url, type JourneyKeys } from '#runtime';
import { VersionedWriter } from '../versioned-writer';

/** Server-side sessions, by a keyed hash of the cookie value: a copy of the store opens none. */
export const SESSION_COLLECTION = 'journey_privacy_center_sessions';
/** 30 minutes from sign-in, never extended: a forgotten phone is not a standing key to someone's choices. */
export const SESSION_TTL_MS = 30 * 60_000;

export type SessionEntry = 'link' | 'signin';

export interface PrivacyCenterSession {
  subjectId: string;
  entry: SessionEntry;
  /** Set when the session came from a sign-in mail: this address answered, so it is proven. */
  provenContactPointId?: string;
  expiresAt: string;
}

export interface OpenedSession {
  /** The cookie value: it exists only in the answer and the browser. */
  cookie: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Opens, finds and closes sessions. The CSRF token is an HMAC of the cookie value (a per-session
 * secret the page holds in memory and sends as X-CSRF-Token), compared in constant time: a foreign
 * site's form carries the cookie (where a browser ignores SameSite) but cannot know the token.
 */
export class PrivacyCenterSessions {
  private readonly writer: VersionedWriter;

  constructor(
    private readonly store: OperationalStore,
    private readonly keys: JourneyKeys,
  ) {
    this.writer = new VersionedWriter(store, 'journeys.privacy-center.sessions');
  }

  async open(session: Omit<PrivacyCenterSession, 'expiresAt'>, now: Date): Promise<OpenedSession> {
    const cookie = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
    const doc = { ...session, expiresAt };
    await this.writer.write([{ kind: 'put', collection: SESSION_COLLECTION, id: this.idOf(cookie), doc }]);
    return { cookie, csrfToken: this.csrfTokenOf(cookie), expiresAt };
  }

  /** The live session of this cookie, or undefined (unknown, expired or closed). */
  async find(cookie: string | undefined, now: Date): Promise<PrivacyCenterSession | undefined> {
    if (!cookie) return undefined;
    const found = await this.store.get<PrivacyCenterSession & Record<string, unknown>>(
      SESSION_COLLECTION,
      this.idOf(cookie),
    );
    if (found === undefined) return undefined;
    if (Date.parse(found.doc.expiresAt) > now.getTime()) return found.doc;
    await this.close(cookie);
    return undefined;
  }

  csrfValid(cookie: string, given: unknown): boolean {
    if (typeof given !== 'string') return false;
    const expected = Buffer.from(this.csrfTokenOf(cookie));
    const sent = Buffer.from(given);
    return expected.length === sent.length && timingSafeEqual(expected, sent);
  }

  async close(cookie: string): Promise<void> {
    await this.writer.write([{ kind: 'delete', collection: SESSION_COLLECTION, id: this.idOf(cookie) }]);
  }

  private idOf(cookie: string): string {
    return hmacBase64url(this.keys.privacyCenter.session, `session:${cookie}`);
  }

  private csrfTokenOf(cookie: string): string {
    return hmacBase64url(this.keys.privacyCenter.session, `csrf:${cookie}`);
  }
}
