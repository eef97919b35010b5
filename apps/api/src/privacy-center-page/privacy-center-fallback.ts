import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { onRequestWhen } from '../http/request-hook';
import { firstSegment, wantsPage } from '../dashboard/dashboard-fallback';
import { sendPrivacyCenterPage } from './privacy-center-page.controller';
import { PRIVACY_CENTER_PATH, PrivacyCenterPage } from './privacy-center-page';

const NO_API_PREFIXES: ReadonlySet<string> = new Set();

/**
 * A browser opening any other page under `/privacy-center/` (`/privacy-center/`, a bookmarked
 * sub-path) gets the page, which routes by its fragment; api clients keep the JSON 404. Call before
 * the routes are registered (createApp), like Mission Control's fallback.
 */
export function servePrivacyCenterOnUnknownPages(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const page = app.get(PrivacyCenterPage);
  const pageWanted = (request: FastifyRequest) =>
    request.is404 && firstSegment(request.url) === PRIVACY_CENTER_PATH && wantsPage(request, NO_API_PREFIXES);
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    if (page.page('en')) return sendPrivacyCenterPage(reply, page, request.headers['accept-language']);
  };
  fastify.addHook('onRequest', onRequestWhen(pageWanted, serve));
}
