import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import {
  ExtendDataSubjectRequestCommand,
  FulfilDataSubjectRequestCommand,
  GetRequestQueue,
  ReceiveDataSubjectRequestCommand,
  RejectDataSubjectRequestCommand,
  type CommandContext,
  type QueuedRequest,
  type RequestReceived,
} from '#application';
import { refusal } from '#domain';
import { Caller, Roles, type CallerIdentity } from '../auth';
import { audienceOf } from '../read-side/profile-view';
import { SubjectLabels, type SubjectLabel } from '../read-side/subject-labels';
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
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly labels: SubjectLabels,
  ) {}

  @Post('subjects/:id/requests')
  @CommandOperation(
    'Record a data-subject request (Art. 15-21)',
    {
      outcome: 'created',
      description: 'Recorded; `dueAt` is one month after receipt (Art. 12(3))',
      schema: 'RequestReceived',
    },
    ['ReceiveDataSubjectRequest'],
  )
  @Roles('crm', 'dpo', 'admin')
  async receive(
    @Param('id', uuid) id: string,
    @Body() dto: ReceiveRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<RequestReceived & { requestId: string }> {
    const requestId = subjectIdFor(ctx, `${id}:request`);
    const data = { requestId, ...dto, receivedAt: dto.receivedAt ?? ctx.now };
    return { requestId, ...(await this.commands.execute(new ReceiveDataSubjectRequestCommand(id, data, ctx))) };
  }

  @Post('subjects/:id/requests/:requestId/extension')
  @CommandOperation(
    'Extend a request’s deadline (Art. 12(3))',
    { outcome: 'done', description: 'Extended', schema: 'CommandResponse' },
    ['ExtendDataSubjectRequest'],
  )
  @Roles('crm', 'dpo', 'admin')
  extend(
    @Param('id', uuid) id: string,
    @Param('requestId', requestIdPipe) requestId: string,
    @Body() dto: ExtendRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ExtendDataSubjectRequestCommand(id, { requestId, ...dto }, ctx));
  }

  @Post('subjects/:id/requests/:requestId/fulfilment')
  @CommandOperation(
    'Mark a request fulfilled',
    { outcome: 'done', description: 'Fulfilled', schema: 'CommandResponse' },
    ['FulfilDataSubjectRequest'],
  )
  @Roles('crm', 'dpo', 'admin')
  fulfil(
    @Param('id', uuid) id: string,
    @Param('requestId', requestIdPipe) requestId: string,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new FulfilDataSubjectRequestCommand(id, { requestId }, ctx));
  }

  @Post('subjects/:id/requests/:requestId/rejection')
  @CommandOperation(
    'Reject a request, with the reason',
    { outcome: 'done', description: 'Rejected', schema: 'CommandResponse' },
    ['RejectDataSubjectRequest'],
  )
  @Roles('crm', 'dpo', 'admin')
  reject(
    @Param('id', uuid) id: string,
    @Param('requestId', requestIdPipe) requestId: string,
    @Body() dto: RejectRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RejectDataSubjectRequestCommand(id, { requestId, reason: dto.reason }, ctx));
  }

  /**
   * The queue carries ids, kinds, references and dates, so auditors may see it too; roles that see
   * personal data also get each subject's name (or a masked address) to find the person by.
   */
  @Get('requests')
  @ReadYourWrites()
  @Operation(
    'The queue of open (or overdue) requests',
    {
      status: 200,
      description: 'Earliest due first; an open request past its deadline has status `overdue`',
      schema: list(ref('DsrRequest')),
    },
    'VALIDATION.FAILED',
  )
  @Roles('crm', 'dpo', 'admin', 'auditor')
  @ApiQuery({
    name: 'status',
    enum: ['open', 'overdue'],
    required: false,
    description: '`open` (default): every request not yet answered; `overdue`: only those past their deadline',
  })
  @ApiQuery({ name: 'subjectId', type: String, format: 'uuid', required: false })
  async queue(
    @Query('status') status: unknown,
    @Query('subjectId') subjectId: unknown,
    @Caller() caller: CallerIdentity,
  ): Promise<Array<QueuedRequest & { subject?: SubjectLabel }>> {
    const wanted = status ?? 'open';
    if (wanted !== 'open' && wanted !== 'overdue') {
      throw refusal('VALIDATION.FAILED', 'status must be open or overdue', 'status');
    }
    if (subjectId !== undefined && (typeof subjectId !== 'string' || !isUUID(subjectId, 4))) {
      throw refusal('VALIDATION.FAILED', 'subjectId must be a version-4 UUID', 'subjectId');
    }
    const queue = await this.queries.execute<GetRequestQueue, QueuedRequest[]>(
      new GetRequestQueue(wanted, new Date().toISOString(), subjectId),
    );
    if (audienceOf(caller.roles) !== 'personal') return queue;
    const labels = await this.labels.of(queue.map((request) => request.subjectId));
    return queue.map((request) => ({ ...request, subject: labels.get(request.subjectId) ?? { erased: false } }));
  }
}
