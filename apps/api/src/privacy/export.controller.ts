import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  DeliverExportCommand,
  ExportSubjectCommand,
  exportFileName,
  type CommandContext,
  type ExportDeliveryIssued,
  type SubjectExport,
} from '#application';
import { refusal } from '#domain';
import { Roles } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandOperation, Operation } from '../http/openapi/operation.decorators';
import { COMMAND_REFUSALS } from '../http/openapi/command-refusals';
import { accessPage } from './access-page/access-page';
import { acceptsHtml } from './access-page/accepts-html';
import { PAGE_HEADERS } from './access-page/page-shell';
import { DeliverExportDto } from './dto/privacy.dto';

const uuid = new ParseUUIDPipe({ version: '4' });
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Art. 15 (access) and Art. 20 (portability): one document with everything held about the
 * subject and everything Art. 15(1) lists, recorded as `SubjectExported`; as JSON, or as a
 * readable, printable page in the person's language (`Accept: text/html`). Not for auditors:
 * they see the proof, not the person.
 */
@ApiTags('privacy')
@Controller('subjects/:id/export')
export class ExportController {
  constructor(private readonly commands: CommandBus) {}

  @Get()
  @Operation(
    'Everything held about the subject (Art. 15, 20); recorded',
    {
      status: 200,
      description: 'The export document; a readable page with Accept: text/html',
      schema: 'SubjectExport',
      media: ['text/html'],
    },
    ...COMMAND_REFUSALS.RecordExport,
    'VALIDATION.FAILED',
    'VALIDATION.IDEMPOTENCY_KEY',
    'EVENT_STORE.WRONG_EXPECTED_VERSION',
  )
  @Roles('crm', 'dpo', 'admin')
  @ApiQuery({ name: 'download', required: false, description: '1: sent as a file (Content-Disposition: attachment)' })
  @ApiQuery({ name: 'requestId', required: false, description: 'The access or portability request this answers' })
  async export(
    @Param('id', uuid) id: string,
    @Query('download') download: unknown,
    @Query('requestId') requestId: unknown,
    @Headers('accept') accept: string | undefined,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubjectExport | string> {
    if (requestId !== undefined && (typeof requestId !== 'string' || !ID.test(requestId))) {
      throw refusal('VALIDATION.FAILED', 'requestId must be an id of letters, digits and ._:-', 'requestId');
    }
    const document = await this.commands.execute(new ExportSubjectCommand(id, requestId, ctx));
    reply.header('cache-control', 'no-store');
    if (acceptsHtml(accept)) {
      reply.headers(PAGE_HEADERS);
      return accessPage(document, false);
    }
    if (download === '1' || download === 'true') {
      reply.header('content-disposition', `attachment; filename="${exportFileName(id)}"`);
    }
    return document;
  }

  @Post('deliveries')
  @CommandOperation(
    'Send the person a single-use download link for their copy (Art. 15(3))',
    { outcome: 'created', description: 'Recorded; the mail outbox sends the link', schema: 'ExportDeliveryIssued' },
    ['DeliverExport'],
    'VALIDATION.FAILED',
  )
  @Roles('crm', 'dpo', 'admin')
  deliver(
    @Param('id', uuid) id: string,
    @Body() dto: DeliverExportDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<ExportDeliveryIssued> {
    return this.commands.execute(new DeliverExportCommand(id, { ...dto }, ctx));
  }
}
