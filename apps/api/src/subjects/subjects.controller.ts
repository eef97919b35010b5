import { randomUUID } from 'node:crypto';
import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  AddContactPointCommand,
  GetSubjectHistory,
  RectifyContactPointCommand,
  RectifyProfileCommand,
  RegisterSubjectCommand,
  RemoveContactPointCommand,
  type CommandContext,
  type HistoryEntry,
} from '#application';
import { Caller, Roles, type CallerIdentity } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandResponse } from '../commands/command-response';
import { subjectIdFor } from './subject-id';
import { PROFILE_PATCH_SCHEMA, profileChanges } from './profile-changes';
import { ContactPointDto, RectifyContactPointDto, RegisterSubjectDto } from './dto/register-subject.dto';
import { CommandOperation, Operation } from '../http/openapi/operation.decorators';
import { list, ref } from '../http/openapi/schemas/schema-helpers';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Register a data subject and keep its contact points and profile right (Art. 16). */
@ApiTags('subjects')
@Controller('subjects')
export class SubjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @CommandOperation(
    'Register a data subject',
    { outcome: 'created', description: 'Registered', schema: 'SubjectRegistered' },
    ['RegisterSubject'],
  )
  @Roles('crm', 'admin')
  async register(
    @Body() dto: RegisterSubjectDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse & { subjectId: string }> {
    const subjectId = subjectIdFor(ctx);
    const contactPoints = dto.contactPoints.map((point) => ({ contactPointId: randomUUID(), ...point }));
    const result = await this.commands.execute(
      new RegisterSubjectCommand(
        subjectId,
        { subjectId, locale: dto.locale, contactPoints, profile: dto.profile, externalIds: dto.externalIds },
        ctx,
      ),
    );
    return { subjectId, ...result };
  }

  @Post(':id/contact-points')
  @CommandOperation('Add a contact point', { outcome: 'created', description: 'Added', schema: 'ContactPointAdded' }, [
    'AddContactPoint',
  ])
  @Roles('crm', 'admin')
  async addContactPoint(
    @Param('id', uuid) id: string,
    @Body() dto: ContactPointDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse & { contactPointId: string }> {
    const contactPointId = subjectIdFor(ctx, `${id}:contact-point`);
    return {
      contactPointId,
      ...(await this.commands.execute(new AddContactPointCommand(id, { contactPointId, ...dto }, ctx))),
    };
  }

  @Patch(':id/contact-points/:cpId')
  @CommandOperation(
    'Correct a contact point’s address (Art. 16)',
    { outcome: 'done', description: 'Corrected', schema: 'CommandResponse' },
    ['RectifyContactPoint'],
  )
  @Roles('crm', 'admin')
  rectifyContactPoint(
    @Param('id', uuid) id: string,
    @Param('cpId', uuid) cpId: string,
    @Body() dto: RectifyContactPointDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new RectifyContactPointCommand(id, { contactPointId: cpId, address: dto.address }, ctx),
    );
  }

  @Delete(':id/contact-points/:cpId')
  @CommandOperation('Remove a contact point', { outcome: 'done', description: 'Removed', schema: 'CommandResponse' }, [
    'RemoveContactPoint',
  ])
  @Roles('crm', 'admin')
  removeContactPoint(
    @Param('id', uuid) id: string,
    @Param('cpId', uuid) cpId: string,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RemoveContactPointCommand(id, { contactPointId: cpId }, ctx));
  }

  /** JSON merge patch of profile fields: a value sets the field, null removes it. */
  @Patch(':id/profile')
  @CommandOperation(
    'Correct profile fields (Art. 16, JSON merge patch)',
    { outcome: 'done', description: 'Corrected', schema: 'CommandResponse' },
    ['RectifyProfile'],
  )
  @ApiBody({
    description: 'JSON merge patch (RFC 7396): a text sets the field, null removes it',
    schema: PROFILE_PATCH_SCHEMA,
  })
  @Roles('crm', 'admin', 'dpo')
  rectifyProfile(
    @Param('id', uuid) id: string,
    @Body() body: Record<string, unknown>,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RectifyProfileCommand(id, { changes: profileChanges(body) }, ctx));
  }

  /** The subject's events as recorded, with their hashes; an auditor sees the proof without personal data. */
  @Get(':id/history')
  @Operation(
    'The subject’s recorded events with their hashes',
    { status: 200, description: 'Oldest first', schema: list(ref('HistoryEntry')) },
    'SUBJECT.NOT_FOUND',
  )
  @Roles('crm', 'dpo', 'auditor', 'admin')
  history(@Param('id', uuid) id: string, @Caller() caller: CallerIdentity): Promise<HistoryEntry[]> {
    const withPersonalData = caller.roles.some((role) => role !== 'auditor');
    return this.queries.execute<GetSubjectHistory, HistoryEntry[]>(new GetSubjectHistory(id, withPersonalData));
  }
}
