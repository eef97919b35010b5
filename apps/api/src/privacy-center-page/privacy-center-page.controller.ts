import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth';
import { sendBuiltFile, sendDashboardFile } from '../dashboard/dashboard-headers';
import { edgeRefusal } from '../http/edge-refusals';
import { pageLanguage } from '../dashboard/content-negotiation';
import { PRIVACY_CENTER_PATH, PrivacyCenterPage } from './privacy-center-page';

/** The page is personal once it shows data: never stored by a browser or proxy. */
export const PAGE_CACHE = 'no-store';

/** Sends the page in the language the browser asks for. */
export function sendPrivacyCenterPage(reply: FastifyReply, page: PrivacyCenterPage, acceptLanguage?: string) {
  const file = page.page(pageLanguage(undefined, acceptLanguage));
  if (!file)
    throw edgeRefusal(
      'DASHBOARD.NOT_BUILT',
      'The Privacy Center is not built; run npm run build (or set PRIVACY_CENTER_DIR)',
    );
  return sendDashboardFile(reply, file, PAGE_CACHE);
}

/**
 * The Privacy Center's page and assets, under `/privacy-center/`. Public: they hold no data, every
 * figure is fetched with the person's session. The probe limit, as Mission Control's files.
 */
@ApiExcludeController()
@Public('probe')
@Controller(PRIVACY_CENTER_PATH)
export class PrivacyCenterPageController {
  constructor(private readonly page: PrivacyCenterPage) {}

  @Get()
  index(@Headers('accept-language') acceptLanguage: string | undefined, @Res() reply: FastifyReply): FastifyReply {
    return sendPrivacyCenterPage(reply, this.page, acceptLanguage);
  }

  @Get('assets/:file')
  asset(@Param('file') name: string, @Res() reply: FastifyReply): FastifyReply {
    return this.send(`assets/${name}`, reply);
  }

  @Get('favicon.svg')
  favicon(@Res() reply: FastifyReply): FastifyReply {
    return this.send('favicon.svg', reply);
  }

  private send(path: string, reply: FastifyReply): FastifyReply {
    return sendBuiltFile(reply, this.page.files, path, PAGE_CACHE);
  }
}
