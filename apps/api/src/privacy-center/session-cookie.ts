import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The session cookie over plain HTTP (development, tests). */
export const SESSION_COOKIE = 'pc_session';
/**
 * Over HTTPS the `__Host-` prefix: the browser takes it only with Secure, without Domain and with
 * Path=/ (RFC 6265bis 4.1.3.2), so a sibling subdomain can neither set nor overwrite it.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
/** Seconds: the session's 30 minutes, never extended. */
export const SESSION_MAX_AGE = 1800;

/** HTTPS as the client used it: Fastify reads X-Forwarded-Proto only from proxies TRUST_PROXY names. */
function overHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

function cookieOptions(request: FastifyRequest) {
  const secure = overHttps(request);
  return {
    name: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
    options: {
      httpOnly: true,
      sameSite: 'strict' as const,
      secure,
      path: secure ? '/' : '/privacy-center',
    },
  };
}

export function sessionCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies[cookieOptions(request).name];
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string): void {
  const { name, options } = cookieOptions(request);
  reply.setCookie(name, value, { ...options, maxAge: SESSION_MAX_AGE });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const { name, options } = cookieOptions(request);
  reply.clearCookie(name, options);
}
