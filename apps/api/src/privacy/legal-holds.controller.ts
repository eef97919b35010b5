import { Body, Controller, Delete, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PlaceLegalHoldCommand, ReleaseLegalHoldCommand, type CommandContext } from '#application';
import { refusal } from '#domain';
import { Roles } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandResponse } from '../commands/command-response';
import { subjectIdFor } from '../subjects/subject-id';
import { PlaceLegalHoldDto } from './dto/privacy.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Art. 17(3)(b), (e): holds are the data-protection officer's to place and release. */
@ApiTags('privacy')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('subjects/:id/legal-holds')
export class LegalHoldsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('dpo')
  async place(@Param('id', uuid) id: string, @Body() dto: PlaceLegalHoldDto, @CommandCtx() ctx: CommandContext): Promise<CommandResponse & { holdId: string }> {
    const holdId = subjectIdFor(ctx, `${id}:legal-hold`);
    return { holdId, ...(await this.commands.execute(new PlaceLegalHoldCommand(id, { holdId, ...dto, placedBy: ctx.actor }, ctx))) };
  }

  @Delete(':holdId')
  @Roles('dpo')
  @ApiQuery({ name: 'reason', required: false })
  release(@Param('id', uuid) id: string, @Param('holdId', uuid) holdId: string, @Query('reason') reason: unknown, @CommandCtx() ctx: CommandContext): Promise<CommandResponse> {
    if (reason !== undefined && (typeof reason !== 'string' || reason.length > 2000)) {
      throw refusal('VALIDATION.FAILED', 'reason must be one text of at most 2000 characters', 'reason');
    }
    return this.commands.execute(new ReleaseLegalHoldCommand(id, { holdId, reason }, ctx));
  }
}
