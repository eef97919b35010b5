import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Encoding, pageLanguage, preferredEncoding } from './content-negotiation';
import type { DashboardFile, DashboardFiles } from './dashboard-files';

/**
 * The dashboard runs no inline script or style and talks only to this origin; the policy says so,
 * which blunts an injected script (API keys sit in sessionStorage) and forbids framing (clickjacking
 * on the erasure button).
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sends one dashboard file with its security and caching headers, compressed when the browser accepts it. */
export function sendDashboardFile(request: FastifyRequest, reply: FastifyReply, file: DashboardFile): FastifyReply {
  const encoding = preferredEncoding(request.headers['accept-encoding'], Object.keys(file.encoded) as Encoding[]);
  reply
    .status(200)
    .type(file.type)
    .header('content-security-policy', DASHBOARD_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    // The page itself is revalidated so a new build shows at once; hashed assets never change.
    .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    // RFC 9110 §12.5.5: caches must keep the encodings apart (and the page's languages, chosen by cookie).
    .header('vary', file.type.startsWith('text/html') ? 'accept-encoding, accept-language, cookie' : 'accept-encoding');
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(encoding ? file.encoded[encoding] : file.body);
}

/** The page in the language the request asks for (cookie, then Accept-Language). */
export function dashboardPage(files: DashboardFiles, request: FastifyRequest): DashboardFile | undefined {
  return files.index(pageLanguage(request.headers.cookie, request.headers['accept-language']));
}
