import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  WebhookDispatcher,
  WebhookRegistry,
  type DeadLetter,
  type ReplayOutcome,
  type RotatedSecret,
  type Webhook,
} from '#journeys';
import type { CommandContext } from '#application';
import { DomainError, refusal } from '#domain';
import { Roles } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { RegisterWebhookDto, RotateWebhookSecretDto } from './dto/journeys.dto';
import { Operation } from '../http/openapi/operation.decorators';
import { list, ref } from '../http/openapi/schemas/schema-helpers';

const uuid = new ParseUUIDPipe({ version: '4' });

function notFound(id: string): DomainError {
  return refusal('WEBHOOK.NOT_FOUND', `no webhook ${id}`, 'id');
}

/** Admin only: a webhook receives every subject's changes, so registering one is a privileged act. */
@ApiTags('journeys')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly registry: WebhookRegistry,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  @Post()
  @Operation(
    'Register a webhook',
    {
      status: 201,
      description: 'Registered; a generated secret is in this answer only, a given one is never shown',
      schema: 'RegisteredWebhook',
    },
    'WEBHOOK.TARGET_FORBIDDEN',
  )
  @Roles('admin')
  async register(
    @Body() dto: RegisterWebhookDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Webhook & { secret?: string }> {
    const { webhook, generatedSecret } = await this.registry.register(
      { url: dto.url, secret: dto.secret, filter: { ...dto.filter } },
      ctx.actor,
      ctx.now,
    );
    await this.dispatcher.refresh();
    return generatedSecret === undefined ? webhook : { ...webhook, secret: generatedSecret };
  }

  /** The new secret is in this answer only; the old one keeps signing for WEBHOOK_SECRET_OVERLAP_HOURS. */
  @Post(':id/secret/rotate')
  @Operation(
    'Rotate a webhook’s signing secret',
    {
      status: 200,
      description: 'The new secret, in this answer only; the old one signs beside it until previousSecretValidUntil',
      schema: 'RotatedSecret',
    },
    'WEBHOOK.NOT_FOUND',
  )
  @Roles('admin')
  @HttpCode(200)
  async rotate(
    @Param('id', uuid) id: string,
    @Body() dto: RotateWebhookSecretDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<RotatedSecret> {
    const rotated = await this.registry.rotate(id, ctx.now, dto.secret);
    if (rotated === undefined) throw notFound(id);
    await this.dispatcher.refresh();
    return rotated;
  }

  @Get()
  @Operation('The registered webhooks', {
    status: 200,
    description: 'Without their secrets',
    schema: list(ref('Webhook')),
  })
  @Roles('admin')
  list(): Promise<Webhook[]> {
    return this.registry.list();
  }

  @Delete(':id')
  @Operation('Remove a webhook', { status: 204, description: 'Removed' }, 'WEBHOOK.NOT_FOUND')
  @Roles('admin')
  @HttpCode(204)
  async remove(@Param('id', uuid) id: string): Promise<void> {
    if (!(await this.registry.remove(id))) throw notFound(id);
    await this.dispatcher.refresh();
  }

  @Get(':id/dead-letters')
  @Operation(
    'Deliveries that gave up',
    { status: 200, description: 'Oldest first', schema: list(ref('DeadLetter')) },
    'WEBHOOK.NOT_FOUND',
  )
  @Roles('admin')
  async deadLetters(@Param('id', uuid) id: string): Promise<DeadLetter[]> {
    if (!(await this.registry.get(id))) throw notFound(id);
    return this.dispatcher.deadLetters(id);
  }

  @Post(':id/dead-letters/replay')
  @Operation(
    'Deliver the dead letters again',
    { status: 200, description: 'What was delivered', schema: 'ReplayOutcome' },
    'WEBHOOK.NOT_FOUND',
  )
  @Roles('admin')
  @HttpCode(200)
  async replay(@Param('id', uuid) id: string): Promise<ReplayOutcome> {
    const outcome = await this.dispatcher.replay(id);
    if (outcome === undefined) throw notFound(id);
    return outcome;
  }
}
