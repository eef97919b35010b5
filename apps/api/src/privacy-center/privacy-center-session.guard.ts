import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PrivacyCenterOverview, type SelfServiceSession } from '#application';
import { refusal } from '#domain';
import { PrivacyCenterSessions, type PrivacyCenterSession } from '#journeys';
import { sessionCookieOf } from './session-cookie';

export const CSRF_HEADER = 'x-csrf-token';

export type SignedIn = PrivacyCenterSession & SelfServiceSession & { cookie: string };
type SessionRequest = FastifyRequest & { privacyCenter?: SignedIn };

const READS = new Set(['GET', 'HEAD']);

/**
 * Every Privacy Center route but sign-in: a live session whose subject still exists (erasure ends
 * it), and for every change the session's CSRF token in X-CSRF-Token, checked before anything runs.
 */
@Injectable()
export class PrivacyCenterSessionGuard implements CanActivate {
  constructor(
    private readonly sessions: PrivacyCenterSessions,
    private readonly overview: PrivacyCenterOverview,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SessionRequest>();
    const cookie = sessionCookieOf(request);
    const session = await this.sessions.find(cookie, new Date());
    if (cookie === undefined || session === undefined) throw sessionRequired();
    if ((await this.overview.localeOf(session.subjectId)) === undefined) {
      await this.sessions.close(cookie);
      throw sessionRequired();
    }
    if (!READS.has(request.method) && !this.sessions.csrfValid(cookie, request.headers[CSRF_HEADER]))
      throw refusal('PRIVACY_CENTER.CSRF_INVALID', 'the X-CSRF-Token header is missing or wrong', 'X-CSRF-Token');
    request.privacyCenter = { ...session, cookie };
    return true;
  }
}

function sessionRequired() {
  return refusal('PRIVACY_CENTER.SESSION_REQUIRED', 'sign in to the Privacy Center first');
}

/** The session the guard found. */
export const PcSession = createParamDecorator((_data: unknown, context: ExecutionContext): SignedIn => {
  const session = context.switchToHttp().getRequest<SessionRequest>().privacyCenter;
  if (!session) throw new Error('@PcSession() needs PrivacyCenterSessionGuard on the route');
  return session;
});
