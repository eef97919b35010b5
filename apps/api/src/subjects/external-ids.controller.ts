import { Body, Controller, Delete, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { LinkExternalIdCommand, UnlinkExternalIdCommand, type CommandContext } from '#application';
import { Roles } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import type { CommandResponse } from '../commands/command-response';
import { CommandOperation } from '../http/openapi/operation.decorators';
import { ExternalIdValueDto } from './dto/external-id.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

/**
 * Identity links: one id per system, so the system names the resource and PUT sets or corrects
 * it (Art. 5(1)(d), 16); the decider checks the system's name and the id.
 */
@ApiTags('subjects')
@Controller('subjects/:id/external-ids')
export class ExternalIdsController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':system')
  @CommandOperation(
    'Link or correct the subject’s id in another system (Art. 16)',
    { outcome: 'done', description: 'Linked', schema: 'CommandResponse' },
    ['LinkExternalId'],
  )
  @Roles('crm', 'admin')
  link(
    @Param('id', uuid) id: string,
    @Param('system') system: string,
    @Body() dto: ExternalIdValueDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new LinkExternalIdCommand(id, { system, id: dto.id }, ctx));
  }

  @Delete(':system')
  @CommandOperation(
    'Remove the subject’s id in another system',
    { outcome: 'done', description: 'Unlinked (or was not linked)', schema: 'CommandResponse' },
    ['UnlinkExternalId'],
  )
  @Roles('crm', 'admin')
  unlink(
    @Param('id', uuid) id: string,
    @Param('system') system: string,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new UnlinkExternalIdCommand(id, { system }, ctx));
  }
}
