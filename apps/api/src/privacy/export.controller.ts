import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ExportSubjectCommand, type CommandContext, type SubjectExport } from '#application';
import { refusal } from '#domain';
import { Roles } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { Operation } from '../http/openapi/operation.decorators';
import { COMMAND_REFUSALS } from '../http/openapi/command-refusals';

const uuid = new ParseUUIDPipe({ version: '4' });
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Art. 15 (access) and Art. 20 (portability): one JSON document with everything held about the
 * subject, recorded as `SubjectExported`. Not for auditors: they see the proof, not the person.
 */
@ApiTags('privacy')
@Controller('subjects/:id/export')
export class ExportController {
  constructor(private readonly commands: CommandBus) {}

  @Get()
  @Operation(
    'Everything held about the subject (Art. 15, 20); recorded',
    { status: 200, description: 'The export document', schema: 'SubjectExport' },
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
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubjectExport> {
    if (requestId !== undefined && (typeof requestId !== 'string' || !ID.test(requestId))) {
      throw refusal('VALIDATION.FAILED', 'requestId must be an id of letters, digits and ._:-', 'requestId');
    }
    const document = await this.commands.execute(new ExportSubjectCommand(id, requestId, ctx));
    if (download === '1' || download === 'true') {
      reply.header('content-disposition', `attachment; filename="subject-${id}-export.json"`);
    }
    reply.header('cache-control', 'no-store');
    return document;
  }
}
