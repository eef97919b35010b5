import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth';
import { edgeRefusal } from '../http/edge-refusals';
import { DashboardFiles } from './dashboard-files';
import { dashboardPage, sendBuiltFile, sendDashboardFile } from './dashboard-headers';

/**
 * Mission Control's page and assets. Public: they hold no data, every figure is fetched with the
 * user's key. The probe limit, not the public one: they are served from memory and a page load needs several.
 */
@ApiExcludeController()
@Public('probe')
@Controller()
export class DashboardController {
  constructor(private readonly files: DashboardFiles) {}

  @Get()
  index(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    const index = dashboardPage(this.files, request);
    if (!index)
      throw edgeRefusal('DASHBOARD.NOT_BUILT', 'The dashboard is not built; run npm run build (or set DASHBOARD_DIR)');
    return sendDashboardFile(reply, index);
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
    return sendBuiltFile(reply, this.files, path);
  }
}
