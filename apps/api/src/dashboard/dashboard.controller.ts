import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth';
import { edgeRefusal } from '../http/edge-refusals';
import { DashboardFiles } from './dashboard-files';
import { dashboardPage, sendDashboardFile } from './dashboard-headers';

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
    return sendDashboardFile(request, reply, index);
  }

  @Get('assets/:file')
  asset(@Param('file') name: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    return this.send(`assets/${name}`, request, reply);
  }

  @Get('favicon.svg')
  favicon(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    return this.send('favicon.svg', request, reply);
  }

  private send(path: string, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const file = this.files.file(path);
    if (!file) throw edgeRefusal('DASHBOARD.FILE_NOT_FOUND', `No dashboard file ${path}`);
    return sendDashboardFile(request, reply, file);
  }
}
