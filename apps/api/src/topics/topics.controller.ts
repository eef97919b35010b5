import { createHash } from 'node:crypto';
import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import {
  DefineTopicCommand,
  PublishConsentTextVersionCommand,
  RetireTopicCommand,
  TopicViews,
  type CommandContext,
  type VersionPublished,
} from '#application';
import { READ_STORE } from '#runtime';
import { refusal, type TopicDetail } from '#domain';
import { listTopics } from '#projections';
import type { ReadStore } from '#read-store';
import { Roles } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandResponse } from '../commands/command-response';
import { DefineTopicDto } from './dto/define-topic.dto';
import { PublishVersionDto, RetireTopicDto } from './dto/publish-version.dto';
import { CommandOperation, Operation } from '../http/openapi/operation.decorators';
import { list, ref } from '../http/openapi/schemas/schema-helpers';
import { ReadYourWrites } from '../read-side/read-your-writes';

@ApiTags('topics')
@Controller('topics')
export class TopicsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly topics: TopicViews,
    @Inject(READ_STORE) private readonly store: ReadStore,
  ) {}

  @Post()
  @CommandOperation(
    'Define a topic (purpose)',
    { outcome: 'created', description: 'Defined', schema: 'CommandResponse' },
    ['DefineTopic'],
  )
  @Roles('admin', 'dpo')
  define(@Body() dto: DefineTopicDto, @CommandCtx() ctx: CommandContext): Promise<CommandResponse> {
    const { id, ...definition } = dto;
    return this.commands.execute(new DefineTopicCommand(id, { topicId: id, ...definition }, ctx));
  }

  /** The text's SHA-256 is computed here, so the hash in every later receipt is the hash of what was shown. */
  @Post(':id/versions')
  @CommandOperation(
    'Publish a consent-text version',
    { outcome: 'created', description: 'Published; `version` is the number consents name', schema: 'VersionPublished' },
    ['PublishConsentTextVersion'],
  )
  @Roles('admin', 'dpo')
  publish(
    @Param('id') id: string,
    @Body() dto: PublishVersionDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<VersionPublished> {
    const textHash = createHash('sha256').update(dto.text, 'utf8').digest('hex');
    return this.commands.execute(new PublishConsentTextVersionCommand(id, { topicId: id, ...dto, textHash }, ctx));
  }

  @Post(':id/retire')
  @CommandOperation('Retire a topic', { outcome: 'done', description: 'Retired', schema: 'CommandResponse' }, [
    'RetireTopic',
  ])
  @Roles('admin', 'dpo')
  retire(
    @Param('id') id: string,
    @Body() dto: RetireTopicDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RetireTopicCommand(id, { topicId: id, reason: dto.reason }, ctx));
  }

  /** From the topics read model (send X-Min-Position to see a topic just defined); topics are few. */
  @Get()
  @ReadYourWrites()
  @Operation('Every topic with its purpose and text versions', {
    status: 200,
    description: 'In id order',
    schema: list(ref('Topic')),
  })
  @Roles('admin', 'dpo', 'crm', 'journey', 'auditor')
  async list(): Promise<TopicDetail[]> {
    return (await listTopics(this.store)).map(({ proof: _proof, texts: _texts, ...topic }) => topic);
  }

  @Get(':id')
  @Operation(
    'A topic with its purpose and text versions',
    { status: 200, description: 'The topic', schema: 'Topic' },
    'TOPIC.NOT_FOUND',
  )
  @Roles('admin', 'dpo', 'crm', 'journey', 'auditor')
  async get(@Param('id') id: string): Promise<TopicDetail> {
    const view = await this.topics.detail(id);
    if (!view) throw refusal('TOPIC.NOT_FOUND', `topic ${id} is not defined`);
    return view;
  }
}
