import { Body, Controller, Delete, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { refusal } from '#domain';
import {
  GrantConsentCommand,
  LiftContactBlockCommand,
  RaiseObjectionCommand,
  RequestDoubleOptInCommand,
  RevokeConsentCommand,
  SetContactBlockCommand,
  type CommandContext,
  type DoubleOptInIssued,
} from '#application';
import { Roles } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandResponse } from '../commands/command-response';
import { GrantConsentDto, RevokeConsentDto } from './dto/grant-consent.dto';
import { DoubleOptInRequestDto, RaiseObjectionDto, SetBlockDto } from './dto/scopes.dto';
import { subjectIdFor } from './subject-id';
import { CommandOperation } from '../http/openapi/operation.decorators';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Consent (Art. 6(1)(a), 7), objection (Art. 21), double opt-in and contact blocks of one subject. */
@ApiTags('consents')
@Controller('subjects/:id')
export class ConsentsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('consents')
  @CommandOperation(
    'Grant consent (Art. 6(1)(a), 7)',
    { outcome: 'done', description: 'Granted', schema: 'CommandResponse' },
    ['GrantConsent'],
  )
  @Roles('crm', 'admin')
  grant(
    @Param('id', uuid) id: string,
    @Body() dto: GrantConsentDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new GrantConsentCommand(id, dto, ctx));
  }

  /** Art. 7(3): withdrawing must be as easy as giving, so any role that records consent may revoke it. */
  @Post('consents/revoke')
  @CommandOperation(
    'Revoke consent (Art. 7(3))',
    { outcome: 'done', description: 'Revoked', schema: 'CommandResponse' },
    ['RevokeConsent'],
  )
  @Roles('crm', 'journey', 'dpo', 'admin')
  revoke(
    @Param('id', uuid) id: string,
    @Body() dto: RevokeConsentDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RevokeConsentCommand(id, dto, ctx));
  }

  @Post('objections')
  @CommandOperation(
    'Raise an objection (Art. 21)',
    { outcome: 'done', description: 'Recorded', schema: 'CommandResponse' },
    ['RaiseObjection'],
  )
  @Roles('crm', 'journey', 'dpo', 'admin')
  object(
    @Param('id', uuid) id: string,
    @Body() dto: RaiseObjectionDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RaiseObjectionCommand(id, dto, ctx));
  }

  /** Answers the single-use token once; only its hash is stored. */
  @Post('double-opt-in')
  @CommandOperation(
    'Request a double opt-in',
    { outcome: 'created', description: 'Issued; the token is shown once', schema: 'DoubleOptInIssued' },
    ['RequestDoubleOptIn'],
  )
  @Roles('crm', 'journey', 'admin')
  async requestDoubleOptIn(
    @Param('id', uuid) id: string,
    @Body() dto: DoubleOptInRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse & Omit<DoubleOptInIssued, 'result'>> {
    const { result, ...issued } = await this.commands.execute(new RequestDoubleOptInCommand(id, dto, ctx));
    return { ...result, ...issued };
  }

  @Post('blocks')
  @CommandOperation('Set a contact block', { outcome: 'created', description: 'Set', schema: 'BlockSet' }, [
    'SetContactBlock',
  ])
  @Roles('crm', 'dpo', 'admin')
  async block(
    @Param('id', uuid) id: string,
    @Body() dto: SetBlockDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse & { blockId: string }> {
    const blockId = subjectIdFor(ctx, `${id}:block`);
    return { blockId, ...(await this.commands.execute(new SetContactBlockCommand(id, { blockId, ...dto }, ctx))) };
  }

  @Delete('blocks/:blockId')
  @CommandOperation(
    'Lift a contact block',
    { outcome: 'done', description: 'Lifted', schema: 'CommandResponse' },
    ['LiftContactBlock'],
    'VALIDATION.FAILED',
  )
  @Roles('crm', 'dpo', 'admin')
  @ApiQuery({ name: 'reason', required: false })
  lift(
    @Param('id', uuid) id: string,
    @Param('blockId', uuid) blockId: string,
    @Query('reason') reason: unknown,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    if (reason !== undefined && (typeof reason !== 'string' || reason.length > 2000)) {
      throw refusal('VALIDATION.FAILED', 'reason must be one text of at most 2000 characters', 'reason');
    }
    return this.commands.execute(new LiftContactBlockCommand(id, { blockId, reason }, ctx));
  }
}
