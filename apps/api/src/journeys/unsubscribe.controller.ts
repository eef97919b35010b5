import { Body, Controller, Get, Header, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  UnsubscribeLinks,
  UnsubscribeService,
  UnsubscribeTokens,
  type UnsubscribeLink,
  type UnsubscribeOutcome,
} from '#journeys';
import type { CommandContext } from '#application';
import { Public, Roles } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { OneClickBodyDto, TokenQueryDto, UnsubscribeLinkDto } from './dto/journeys.dto';
import { unsubscribedPage, unsubscribePage } from './pages';
import { Operation } from '../http/openapi/operation.decorators';

interface AcceptRequest {
  headers: Record<string, string | string[] | undefined>;
}
interface TypedReply {
  type(contentType: string): unknown;
}

/** RFC 8058 one-click unsubscribe: links minted for journeys, used by mail providers and people. */
@ApiTags('journeys')
@Controller()
export class UnsubscribeController {
  constructor(
    private readonly links: UnsubscribeLinks,
    private readonly tokens: UnsubscribeTokens,
    private readonly service: UnsubscribeService,
  ) {}

  @Post('unsubscribe-links')
  @Operation(
    'Mint a one-click unsubscribe link (RFC 8058)',
    { status: 201, description: 'The link and its mail headers', schema: 'UnsubscribeLink' },
    'TOPIC.CHANNEL_NOT_ALLOWED',
    'TOPIC.NOT_FOUND',
    'SUBJECT.NOT_FOUND',
  )
  @Roles('journey', 'admin')
  issue(@Body() dto: UnsubscribeLinkDto): Promise<UnsubscribeLink> {
    return this.links.issue(dto, new Date());
  }

  /**
   * Public: the signed token is the credential. Its own, higher rate limit (UNSUBSCRIBE_RATE_LIMIT)
   * because mail providers send these POSTs for many recipients from few addresses, and a 256-bit
   * HMAC cannot be guessed. Art. 21(3): takes effect at once; a second use records nothing and still answers 200.
   */
  @Post('unsubscribe')
  @Operation(
    'Unsubscribe with a signed link (one click)',
    [{ status: 200, description: 'Recorded (JSON), or a page for browsers', schema: 'UnsubscribeOutcome' }],
    'UNSUBSCRIBE.TOKEN_INVALID',
    'UNSUBSCRIBE.TOKEN_EXPIRED',
    'VALIDATION.FAILED',
    'SUBJECT.NOT_FOUND',
  )
  @Public('oneClick')
  @HttpCode(200)
  async unsubscribe(
    @Query() query: TokenQueryDto,
    @Body() _body: OneClickBodyDto,
    @CommandCtx() ctx: CommandContext,
    @Req() request: AcceptRequest,
    @Res({ passthrough: true }) reply: TypedReply,
  ): Promise<UnsubscribeOutcome | string> {
    const claim = this.tokens.verify(query.token, Math.floor(Date.parse(ctx.now) / 1000));
    const outcome = await this.service.unsubscribe(claim, { ...ctx, actor: 'unsubscribe-link' });
    if (!String(request.headers.accept ?? '').includes('text/html')) return outcome;
    reply.type('text/html; charset=utf-8');
    return unsubscribedPage();
  }

  /** A page with a button: opening the link (a scanner, a preview) records nothing. */
  @Get('unsubscribe')
  @Operation(
    'The unsubscribe page with its button',
    { status: 200, description: 'An HTML page; opening it records nothing', media: ['text/html'] },
    'UNSUBSCRIBE.TOKEN_INVALID',
    'UNSUBSCRIBE.TOKEN_EXPIRED',
    'VALIDATION.FAILED',
  )
  @Public()
  @Header('cache-control', 'no-store')
  page(@Query() query: TokenQueryDto, @Res({ passthrough: true }) reply: TypedReply): string {
    this.tokens.verify(query.token, Math.floor(Date.now() / 1000));
    // Set here, not with @Header: an error answers JSON, and a fixed HTML type would break it.
    reply.type('text/html; charset=utf-8');
    return unsubscribePage(query.token);
  }
}
