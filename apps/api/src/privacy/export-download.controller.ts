import { Body, Controller, Get, Headers, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { OpenExportDeliveryCommand, type CommandContext, type SubjectExport } from '#application';
import { DomainError } from '#domain';
import { Public } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { STATUS_BY_KIND } from '../http/error-mapping';
import { CommandOperation, Operation } from '../http/openapi/operation.decorators';
import { TokenQueryDto } from '../journeys/dto/journeys.dto';
import { accessPage } from './access-page/access-page';
import { acceptsHtml } from './access-page/accepts-html';
import { EXPORT_DOWNLOAD_PATH } from '#journeys';
import { downloadButtonPage, linkRefusedPage } from './access-page/download-pages';
import { PAGE_HEADERS } from './access-page/page-shell';

const LINK_CODES = ['EXPORT_LINK.UNKNOWN', 'EXPORT_LINK.USED', 'EXPORT_LINK.EXPIRED'];

/**
 * Art. 15(3): the person's single-use download link. The GET page only shows a button; its POST
 * opens the link once, generating the copy from the ledger at that moment (never stored).
 */
@ApiTags('privacy')
@Controller(EXPORT_DOWNLOAD_PATH)
export class ExportDownloadController {
  constructor(private readonly commands: CommandBus) {}

  @Get()
  @Operation(
    'The download link’s page: a button, nothing served yet',
    { status: 200, description: 'An HTML page whose button opens the link', media: ['text/html'] },
    'VALIDATION.FAILED',
  )
  @Public()
  page(@Query() query: TokenQueryDto, @Res({ passthrough: true }) reply: FastifyReply): string {
    reply.headers(PAGE_HEADERS);
    return downloadButtonPage(query.token);
  }

  @Post()
  @CommandOperation(
    'Open a download link once: the readable copy with the JSON inside, or the JSON',
    {
      outcome: 'done',
      description: 'The copy: a page (with the JSON as a file) or, with Accept: application/json, the JSON',
      schema: 'SubjectExport',
      media: ['text/html'],
    },
    ['OpenExportDelivery'],
    'VALIDATION.FAILED',
  )
  @Public()
  async open(
    @Body() dto: TokenQueryDto,
    @Headers('accept') accept: string | undefined,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubjectExport | string> {
    reply.header('cache-control', 'no-store');
    if (!acceptsHtml(accept) && (accept ?? '').includes('application/json'))
      return this.commands.execute(new OpenExportDeliveryCommand(dto.token, ctx));
    reply.headers(PAGE_HEADERS);
    try {
      return accessPage(await this.commands.execute(new OpenExportDeliveryCommand(dto.token, ctx)), true);
    } catch (error) {
      if (!(error instanceof DomainError) || !LINK_CODES.includes(error.code)) throw error;
      reply.status(STATUS_BY_KIND[error.kind]);
      return linkRefusedPage(error.code);
    }
  }
}
