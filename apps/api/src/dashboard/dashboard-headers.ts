import type { FastifyReply, FastifyRequest } from 'fastify';
import { edgeRefusal } from '../http/edge-refusals';
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

/**
 * Sends one page file with its security and caching headers, compressed when the browser accepts it
 * (brotli and gzip copies are made once, at build or load). `pageCache` is for the page itself:
 * Mission Control's holds no data (revalidated so a new build shows at once); a personal page is
 * `no-store`. Hashed assets never change.
 */
export function sendDashboardFile(reply: FastifyReply, file: DashboardFile, pageCache = 'no-cache'): FastifyReply {
  const available = Object.keys(file.encoded) as Encoding[];
  const encoding = preferredEncoding(reply.request.headers['accept-encoding'], available);
  if (encoding) reply.header('content-encoding', encoding);
  return (
    reply
      .status(200)
      .type(file.type)
      .header('content-security-policy', DASHBOARD_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : pageCache)
      // RFC 9110 §12.5.5: caches must keep the encodings apart (and a page's languages, chosen by cookie or header).
      .header(
        'vary',
        file.type.startsWith('text/html') ? 'accept-encoding, accept-language, cookie' : 'accept-encoding',
      )
      .send(encoding ? file.encoded[encoding] : file.body)
  );
}

/** The page in the language the request asks for (cookie, then Accept-Language). */
export function dashboardPage(files: DashboardFiles, request: FastifyRequest): DashboardFile | undefined {
  return files.index(pageLanguage(request.headers.cookie, request.headers['accept-language']));
}

/** A built file by its name (never a path on disk), or the 404 that names it. */
export function sendBuiltFile(
  reply: FastifyReply,
  files: DashboardFiles,
  path: string,
  pageCache?: string,
): FastifyReply {
  const file = files.file(path);
  if (!file) throw edgeRefusal('DASHBOARD.FILE_NOT_FOUND', `No file ${path} in the build`);
  return sendDashboardFile(reply, file, pageCache);
}
