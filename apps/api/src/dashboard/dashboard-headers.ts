import type { FastifyReply } from 'fastify';
import { edgeRefusal } from '../http/edge-refusals';
import type { DashboardFile, DashboardFiles } from './dashboard-files';
import { chooseEncoding, encodedBody } from './page-encoding';

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
 * Sends one page file with its security and caching headers, compressed where the browser takes it
 * (the Privacy Center's script is about a quarter of its size on a phone's connection). `pageCache` is for the page itself:
 * Mission Control's holds no data (revalidated so a new build shows at once); a personal page is
 * `no-store`.
 */
export function sendDashboardFile(reply: FastifyReply, file: DashboardFile, pageCache = 'no-cache'): FastifyReply {
  const encoding = chooseEncoding(file, reply.request.headers['accept-encoding']);
  const vary = reply.getHeader('vary');
  if (encoding) reply.header('content-encoding', encoding);
  return (
    reply
      .status(200)
      .type(file.type)
      .header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding')
      .header('content-security-policy', DASHBOARD_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer')
      // Hashed assets never change.
      .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : pageCache)
      .send(encoding ? encodedBody(file, encoding) : file.body)
  );
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
