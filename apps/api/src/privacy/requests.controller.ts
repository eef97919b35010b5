import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  ExtendDataSubjectRequestCommand,
  FulfilDataSubjectRequestCommand,
  GetRequestQueue,
  ReceiveDataSubjectRequestCommand,
  RejectDataSubjectRequestCommand,
  type CommandContext,
} from '#application';
import { refusal } from '#domain';
import type { DsrRequestDocument } from '#projections';
import { Roles } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandResponse } from '../commands/command-response';
import { ReadYourWrites } from '../read-side/read-your-writes';
import { subjectIdFor } from '../subjects/subject-id';
import { ExtendRequestDto, ReceiveRequestDto, RejectRequestDto } from './dto/privacy.dto';
import { CommandOperation, Operation } from '../http/openapi/operation.decorators';
import { list, ref } from '../http/openapi/schemas/schema-helpers';

const uuid = new ParseUUIDPipe({ version: '4' });
const requestIdPipe = new ParseUUIDPipe({ version: '4' });

/** Data-subject requests (Art. 15-21) and their one-month deadline (Art. 12(3)). */
@ApiTags('privacy')
@Controller()
export class RequestsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Post('subjects/:id/requests')
  @CommandOperation('Record a data-subject request (Art. 15-21)', { status: 201, description: 'Recorded; due in one month (Art. 12(3))', schema: 'RequestReceived' }, ['ReceiveDataSubjectRequest'])
  @Roles('crm', 'dpo', 'admin')
  async receive(@Param('id', uuid) id: string, @Body() dto: ReceiveRequestDto, @CommandCtx() ctx: CommandContext): Promise<CommandResponse & { requestId: string }> {
    const requestId = subjectIdFor(ctx, `${id}:request`);
    const data = { requestId, ...dto, receivedAt: dto.receivedAt ?? ctx.now };
    return { requestId, ...(await this.commands.execute(new ReceiveDataSubjectRequestCommand(id, data, ctx))) };
  }

  @Post('subjects/:id/requests/:requestId/extension')
  @CommandOperation('Extend a request’s deadline (Art. 12(3))', { status: 200, description: 'Extended', schema: 'CommandResponse' }, ['ExtendDataSubjectRequest'])
  @HttpCode(200)
  @Roles('crm', 'dpo', 'admin')
  extend(@Param('id', uuid) id: string, @Param('requestId', requestIdPipe) requestId: string, @Body() dto: ExtendRequestDto, @CommandCtx() ctx: CommandContext): Promise<CommandResponse> {
    return this.commands.execute(new ExtendDataSubjectRequestCommand(id, { requestId, ...dto }, ctx));
  }

  @Post('subjects/:id/requests/:requestId/fulfilment')
  @CommandOperation('Mark a request fulfilled', { status: 200, description: 'Fulfilled', schema: 'CommandResponse' }, ['FulfilDataSubjectRequest'])
  @HttpCode(200)
  @Roles('crm', 'dpo', 'admin')
  fulfil(@Param('id', uuid) id: string, @Param('requestId', requestIdPipe) requestId: string, @CommandCtx() ctx: CommandContext): Promise<CommandResponse> {
    return this.commands.execute(new FulfilDataSubjectRequestCommand(id, { requestId }, ctx));
  }

  @Post('subjects/:id/requests/:requestId/rejection')
  @CommandOperation('Reject a request, with the reason', { status: 200, description: 'Rejected', schema: 'CommandResponse' }, ['RejectDataSubjectRequest'])
  @HttpCode(200)
  @Roles('crm', 'dpo', 'admin')
  reject(@Param('id', uuid) id: string, @Param('requestId', requestIdPipe) requestId: string, @Body() dto: RejectRequestDto, @CommandCtx() ctx: CommandContext): Promise<CommandResponse> {
    return this.commands.execute(new RejectDataSubjectRequestCommand(id, { requestId, reason: dto.reason }, ctx));
  }

  /** The queue carries ids, kinds and dates only, so auditors may see it too. */
  @Get('requests')
  @ReadYourWrites()
  @Operation('The queue of open (or overdue) requests', { status: 200, description: 'Earliest due first', schema: list(ref('DsrRequest')) }, 'VALIDATION.FAILED')
  @Roles('crm', 'dpo', 'admin', 'auditor')
  @ApiQuery({ name: 'status', enum: ['open', 'overdue'], required: false })
  queue(@Query('status') status: unknown): Promise<DsrRequestDocument[]> {
    const wanted = status ?? 'open';
    if (wanted !== 'open' && wanted !== 'overdue') {
      throw refusal('VALIDATION.FAILED', 'status must be open or overdue', 'status');
    }
    return this.queries.execute<GetRequestQueue, DsrRequestDocument[]>(new GetRequestQueue(wanted, new Date().toISOString()));
  }
}
