import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { onRequestWhen } from '../http/request-hook';
import { DashboardFiles } from './dashboard-files';
import { dashboardPage, sendDashboardFile } from './dashboard-headers';

/** The first segment of a path: `/subjects/1/history` -> `subjects`. */
export function firstSegment(url: string): string {
  // By hand: it runs for every request (personal-answer headers), and splitting allocates.
  let start = 0;
  while (url[start] === '/') start++;
  let end = start;
  while (end < url.length && url[end] !== '/' && url[end] !== '?') end++;
  return url.slice(start, end);
}

/** A browser opening a page, as opposed to an API client (which asks for JSON or anything). */
export function wantsPage(request: FastifyRequest, apiPrefixes: ReadonlySet<string>): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') && !apiPrefixes.has(firstSegment(request.url));
}

/**
 * SPA fallback: an unknown page outside the api's paths (e.g. a bookmarked `/overview`) gets the
 * dashboard, which routes by its hash. Unknown paths under an api prefix (`/subjects/...`) and every
 * request that does not ask for HTML keep the api's JSON 404. Call before the routes are registered
 * (createApp), so every route's prefix is seen.
 */
export function serveDashboardOnUnknownPages(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const files = app.get(DashboardFiles);
  const apiPrefixes = new Set<string>();
  fastify.addHook('onRoute', (route) => {
    const segment = firstSegment(route.url);
    if (segment !== '') apiPrefixes.add(segment);
  });
  const unknownPage = (request: FastifyRequest) => request.is404 && wantsPage(request, apiPrefixes);
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const index = dashboardPage(files, request);
    if (index) return sendDashboardFile(reply, index);
  };
  fastify.addHook('onRequest', onRequestWhen(unknownPage, serve));
}
