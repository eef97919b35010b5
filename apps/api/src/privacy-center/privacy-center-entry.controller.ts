import { Body, Controller, Delete, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PrivacyCenterOverview } from '#application';
import { refusal } from '#domain';
import {
  PrivacyCenterLinks,
  PrivacyCenterLinkTokens,
  PrivacyCenterSessions,
  PrivacyCenterSignIn,
  SignInTokens,
  type PrivacyCenterLink,
} from '#journeys';
import { Public, Roles, SessionOnly } from '../auth';
import { Operation } from '../http/openapi/operation.decorators';
import { PrivacyCenterLinkDto, SessionDto, SignInDto } from './dto/privacy-center.dto';
import { CSRF_HEADER, PcSession, PrivacyCenterSessionGuard, type SignedIn } from './privacy-center-session.guard';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SignInLimits } from './sign-in-limits';

export interface OpenedSessionAnswer {
  csrfToken: string;
  expiresAt: string;
  locale: string;
}

/**
 * Getting into the Privacy Center without an account (Art. 12(2), 12(6)): a signed footer link, or
 * a single-use link mailed to an address the ledger knows. Nothing here tells whether an address or
 * a subject exists.
 */
@ApiTags('privacy-center')
@Controller()
export class PrivacyCenterEntryController {
  constructor(
    private readonly links: PrivacyCenterLinks,
    private readonly linkTokens: PrivacyCenterLinkTokens,
    private readonly signIns: SignInTokens,
    private readonly signIn: PrivacyCenterSignIn,
    private readonly limits: SignInLimits,
    private readonly sessions: PrivacyCenterSessions,
    private readonly overview: PrivacyCenterOverview,
  ) {}

  @Post('privacy-center-links')
  @Operation(
    'Mint a Privacy Center link for a mail footer',
    {
      status: 201,
      description: 'The link (its token in the URL fragment) and when it expires',
      schema: 'PrivacyCenterLink',
    },
    'SUBJECT.NOT_FOUND',
    'VALIDATION.FAILED',
  )
  @Roles('journey', 'crm', 'admin')
  issue(@Body() dto: PrivacyCenterLinkDto): Promise<PrivacyCenterLink> {
    return this.links.issue(dto, new Date());
  }

  /** The same 202 for every address; the lookup and the mail start once the answer is sent. */
  @Post('privacy-center/sign-in')
  @Operation(
    'Ask for a sign-in link by e-mail',
    { status: 202, description: 'Always the same answer, known address or not', schema: 'SignInAccepted' },
    'VALIDATION.FAILED',
  )
  @Public()
  @HttpCode(202)
  async requestSignIn(
    @Body() dto: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: 'sent' }> {
    await this.limits.count(request.ip, dto.email);
    reply.raw.once('finish', () => this.signIn.request(dto.email, dto.locale));
    return { status: 'sent' };
  }

  @Post('privacy-center/session')
  @Operation(
    'Open a session from a footer or sign-in link (sets the pc_session cookie)',
    {
      status: 200,
      description: 'The CSRF token for every change, and when the session ends',
      schema: 'PrivacyCenterSession',
    },
    'PRIVACY_CENTER.LINK_INVALID',
    'PRIVACY_CENTER.LINK_EXPIRED',
    'PRIVACY_CENTER.LINK_USED',
    'VALIDATION.FAILED',
  )
  @Public()
  @HttpCode(200)
  async open(
    @Body() dto: SessionDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpenedSessionAnswer> {
    const now = new Date();
    const entry =
      dto.kind === 'link'
        ? { subjectId: this.linkTokens.verify(dto.token, Math.floor(now.getTime() / 1000)).subjectId }
        : await this.signIns.redeem(dto.token, now);
    const locale = await this.overview.localeOf(entry.subjectId);
    if (locale === undefined) throw refusal('PRIVACY_CENTER.LINK_INVALID', 'the link is not valid', 'token');
    const provenContactPointId = 'contactPointId' in entry ? entry.contactPointId : undefined;
    const session = { subjectId: entry.subjectId, entry: dto.kind, provenContactPointId };
    const opened = await this.sessions.open(session, now);
    setSessionCookie(request, reply, opened.cookie);
    reply.header('cache-control', 'no-store');
    return { csrfToken: opened.csrfToken, expiresAt: opened.expiresAt, locale };
  }

  @Delete('privacy-center/session')
  @Operation(
    'Sign out (clears the cookie)',
    { status: 204, description: 'Signed out' },
    'PRIVACY_CENTER.SESSION_REQUIRED',
    'PRIVACY_CENTER.CSRF_INVALID',
  )
  @ApiHeader({ name: CSRF_HEADER, required: true })
  @SessionOnly()
  @UseGuards(PrivacyCenterSessionGuard)
  @HttpCode(204)
  async close(
    @PcSession() session: SignedIn,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.close(session.cookie);
    clearSessionCookie(request, reply);
  }
}
