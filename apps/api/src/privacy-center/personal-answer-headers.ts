import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EXPORT_DOWNLOAD_PATH } from '#journeys';
import { firstSegment } from '../dashboard/dashboard-fallback';
import { PRIVACY_CENTER_PATH } from '../privacy-center-page/privacy-center-page';

/** Where the person's own data and sessions are answered: the Privacy Center and the download link. */
const PERSONAL_SEGMENTS: ReadonlySet<string> = new Set([PRIVACY_CENTER_PATH, EXPORT_DOWNLOAD_PATH]);

/**
 * What every answer there carries unless its route set its own (the page's CSP, the assets' long
 * caching): nothing kept by a browser or proxy, nothing to sniff, run or frame, no Referer
 * (Art. 32(1): the JSON answers and refusals are personal too, a session or a link is at stake).
 */
const PERSONAL_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/** Every answer under those paths, whoever sends it (a route, the exception filter, an edge refusal). */
export function securePersonalAnswers(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    // A callback hook: no promise and no microtask turn for the many answers it leaves alone.
    .addHook('onSend', (request, reply, payload, done) => {
      if (PERSONAL_SEGMENTS.has(firstSegment(request.url)))
        for (const [name, value] of Object.entries(PERSONAL_ANSWER_HEADERS))
          if (!reply.hasHeader(name)) reply.header(name, value);
      done(null, payload);
    });
}
