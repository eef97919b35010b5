import { Body, Controller, Delete, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { PlaceLegalHoldCommand, ReleaseLegalHoldCommand, type CommandContext } from '#application';
import { refusal } from '#domain';
import { Roles } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandResponse } from '../commands/command-response';
import { subjectIdFor } from '../subjects/subject-id';
import { PlaceLegalHoldDto } from './dto/privacy.dto';
import { CommandOperation } from '../http/openapi/operation.decorators';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Art. 17(3)(b), (e): holds are the data-protection officer's to place and release. */
@ApiTags('privacy')
@Controller('subjects/:id/legal-holds')
export class LegalHoldsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandOperation(
    'Place a legal hold (Art. 17(3))',
    { outcome: 'created', description: 'Placed', schema: 'LegalHoldPlaced' },
    ['PlaceLegalHold'],
  )
  @Roles('dpo')
  async place(
    @Param('id', uuid) id: string,
    @Body() dto: PlaceLegalHoldDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse & { holdId: string }> {
    const holdId = subjectIdFor(ctx, `${id}:legal-hold`);
    return {
      holdId,
      ...(await this.commands.execute(new PlaceLegalHoldCommand(id, { holdId, ...dto, placedBy: ctx.actor }, ctx))),
    };
  }

  @Delete(':holdId')
  @CommandOperation(
    'Release a legal hold',
    { outcome: 'done', description: 'Released', schema: 'CommandResponse' },
    ['ReleaseLegalHold'],
    'VALIDATION.FAILED',
  )
  @Roles('dpo')
  @ApiQuery({ name: 'reason', required: false })
  release(
    @Param('id', uuid) id: string,
    @Param('holdId', uuid) holdId: string,
    @Query('reason') reason: unknown,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    if (reason !== undefined && (typeof reason !== 'string' || reason.length > 2000)) {
      throw refusal('VALIDATION.FAILED', 'reason must be one text of at most 2000 characters', 'reason');
    }
    return this.commands.execute(new ReleaseLegalHoldCommand(id, { holdId, reason }, ctx));
  }
}
