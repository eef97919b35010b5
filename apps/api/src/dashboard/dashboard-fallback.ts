import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { DashboardFiles } from './dashboard-files';
import { dashboardPage, sendDashboardFile } from './dashboard-headers';

/** The first segment of a path: `/subjects/1/history` -> `subjects`. */
export function firstSegment(url: string): string {
  return url.split('?')[0]!.split('/').filter(Boolean)[0] ?? '';
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
  fastify.addHook('onRequest', async (request, reply) => {
    const index = dashboardPage(files, request);
    if (!request.is404 || !index || !wantsPage(request, apiPrefixes)) return;
    return sendDashboardFile(reply, index);
  });
}
