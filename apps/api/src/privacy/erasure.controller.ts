import { Body, Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EraseSubjectCommand, type CommandContext } from '#application';
import { Caller, Roles, type CallerIdentity } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { EraseSubjectDto } from './dto/privacy.dto';
import { erasureInput } from './erasure-cause';
import { CommandOperation } from '../http/openapi/operation.decorators';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Art. 17: erasure by crypto-shredding, deferred while a legal hold applies (Art. 17(3)). */
@ApiTags('privacy')
@Controller('subjects/:id/erasure')
export class ErasureController {
  constructor(private readonly commands: CommandBus) {}

  /** 200 erased (or already erased: nothing appended); 202 deferred, with the hold's reason and end. */
  @Post()
  @CommandOperation(
    'Erase the subject by crypto-shredding (Art. 17)',
    {
      outcome: 'done',
      description: 'Erased, or erased before (nothing appended)',
      schema: 'ErasureOutcome',
      also: [
        { status: 202, description: 'Deferred by a legal hold; carried out when it ends', schema: 'ErasureOutcome' },
      ],
    },
    ['RequestErasure'],
  )
  @Roles('dpo', 'admin', 'crm')
  async erase(
    @Param('id', uuid) id: string,
    @Body() dto: EraseSubjectDto,
    @Caller() caller: CallerIdentity,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute(new EraseSubjectCommand(id, erasureInput(caller, dto.requestId), ctx));
    if (outcome.outcome === 'deferred') reply.status(202);
    const { result, ...rest } = outcome;
    return { ...result, ...rest };
  }
}
