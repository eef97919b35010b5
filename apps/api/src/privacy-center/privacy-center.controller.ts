import { Body, Controller, Get, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  PrivacyCenterOverview,
  SelfServiceConsents,
  SelfServiceRights,
  type CommandContext,
  type PrivacyCenterView,
  type SelfServiceOutcome,
  type SubjectExport,
} from '#application';
import { refusal } from '#domain';
import { SessionOnly } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { COMMAND_REFUSALS } from '../http/openapi/command-refusals';
import { CommandOperation, Operation } from '../http/openapi/operation.decorators';
import { subjectIdFor } from '../subjects/subject-id';
import {
  SelfBlockDto,
  SelfConsentDto,
  SelfObjectionDto,
  SelfRequestDto,
  SelfRevocationDto,
} from './dto/privacy-center.dto';
import { CSRF_HEADER, PcSession, PrivacyCenterSessionGuard, type SignedIn } from './privacy-center-session.guard';
import { selfServiceAct } from './self-service-act';

const SESSION = ['PRIVACY_CENTER.SESSION_REQUIRED', 'PRIVACY_CENTER.CSRF_INVALID', 'VALIDATION.FAILED'] as const;
const outcome = (description: string) => ({
  outcome: 'done' as const,
  description,
  schema: 'SelfServiceOutcome' as const,
});

/**
 * The person's own page (Art. 7(3), 12(2), 15-17, 21): what they agreed to, and each change as one
 * click, recorded by the same commands and deciders as the API with `privacy_center` evidence.
 */
@ApiTags('privacy-center')
@Controller('privacy-center')
@SessionOnly()
@UseGuards(PrivacyCenterSessionGuard)
@ApiHeader({ name: CSRF_HEADER, required: false, description: 'Required on every POST: the session’s csrfToken' })
export class PrivacyCenterController {
  constructor(
    private readonly overview: PrivacyCenterOverview,
    private readonly consents: SelfServiceConsents,
    private readonly rights: SelfServiceRights,
  ) {}

  @Get('me')
  @Operation(
    'The signed-in person’s page',
    { status: 200, description: 'Never cached', schema: 'PrivacyCenterOverview' },
    ...SESSION,
  )
  async me(
    @PcSession() session: SignedIn,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PrivacyCenterView & { expiresAt: string }> {
    reply.header('cache-control', 'no-store');
    const view = await this.overview.of(session.subjectId, new Date().toISOString());
    if (view === undefined) throw refusal('PRIVACY_CENTER.SESSION_REQUIRED', 'sign in to the Privacy Center first');
    return { ...view, expiresAt: session.expiresAt };
  }

  @Post('consents')
  @CommandOperation(
    'Give consent (double opt-in for an unproven address)',
    outcome('Granted or confirmation mailed'),
    ['GrantConsent', 'RequestDoubleOptIn'],
    ...SESSION,
  )
  grant(
    @PcSession() s: SignedIn,
    @Body() dto: SelfConsentDto,
    @CommandCtx() ctx: CommandContext,
    @Req() r: FastifyRequest,
  ): Promise<SelfServiceOutcome> {
    return this.consents.grant(s, dto, selfServiceAct(ctx, r));
  }

  @Post('revocations')
  @CommandOperation('Withdraw consent (Art. 7(3))', outcome('Revoked'), ['RevokeConsent'], ...SESSION)
  revoke(
    @PcSession() s: SignedIn,
    @Body() dto: SelfRevocationDto,
    @CommandCtx() ctx: CommandContext,
    @Req() r: FastifyRequest,
  ): Promise<SelfServiceOutcome> {
    return this.consents.revoke(s, dto, selfServiceAct(ctx, r));
  }

  @Post('objections')
  @CommandOperation(
    'Object to direct marketing, a topic or profiling (Art. 21)',
    outcome('Objected'),
    ['RaiseObjection'],
    ...SESSION,
  )
  object(
    @PcSession() s: SignedIn,
    @Body() dto: SelfObjectionDto,
    @CommandCtx() ctx: CommandContext,
    @Req() r: FastifyRequest,
  ): Promise<SelfServiceOutcome> {
    return this.rights.object(s, dto, selfServiceAct(ctx, r));
  }

  @Post('blocks')
  @CommandOperation('Block a channel or all contact', outcome('Blocked'), ['SetContactBlock'], ...SESSION)
  block(
    @PcSession() s: SignedIn,
    @Body() dto: SelfBlockDto,
    @CommandCtx() ctx: CommandContext,
    @Req() r: FastifyRequest,
  ): Promise<SelfServiceOutcome> {
    const act = selfServiceAct(ctx, r);
    return this.rights.block(s, { ...dto, blockId: subjectIdFor(act.context, `${s.subjectId}:block`) }, act);
  }

  @Post('requests')
  @CommandOperation(
    'Request access, rectification or erasure (Art. 15-17)',
    outcome('Requested, with its deadline (Art. 12(3))'),
    ['ReceiveDataSubjectRequest'],
    ...SESSION,
  )
  request(
    @PcSession() s: SignedIn,
    @Body() dto: SelfRequestDto,
    @CommandCtx() ctx: CommandContext,
    @Req() r: FastifyRequest,
  ): Promise<SelfServiceOutcome> {
    const act = selfServiceAct(ctx, r);
    return this.rights.request(s, { ...dto, requestId: subjectIdFor(act.context, `${s.subjectId}:request`) }, act);
  }

  /** Art. 15(3): the copy, as a file; the download opens an access request and fulfils it. */
  @Get('export')
  @Operation(
    'Download everything held about me (Art. 15)',
    { status: 200, description: 'The export document as an attachment', schema: 'SubjectExport' },
    ...SESSION,
    ...COMMAND_REFUSALS.ReceiveDataSubjectRequest,
    ...COMMAND_REFUSALS.RecordExport,
  )
  async export(
    @PcSession() s: SignedIn,
    @CommandCtx() ctx: CommandContext,
    @Req() r: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubjectExport> {
    const act = selfServiceAct(ctx, r);
    const document = await this.rights.export(s, subjectIdFor(act.context, `${s.subjectId}:request`), act);
    reply.header('content-disposition', 'attachment; filename="my-data.json"');
    reply.header('cache-control', 'no-store');
    return document;
  }
}
