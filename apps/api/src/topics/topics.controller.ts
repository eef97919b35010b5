import { createHash } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { DefineTopicCommand, PublishConsentTextVersionCommand, RetireTopicCommand, TopicViews, type CommandContext } from '#application';
import { refusal, type TopicView } from '#domain';
import { Roles } from '../auth';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandResponse } from '../commands/command-response';
import { DefineTopicDto } from './dto/define-topic.dto';
import { PublishVersionDto, RetireTopicDto } from './dto/publish-version.dto';
import { CommandOperation, Operation } from '../http/openapi/operation.decorators';

@ApiTags('topics')
@Controller('topics')
export class TopicsController {
  constructor(private readonly commands: CommandBus, private readonly topics: TopicViews) {}

  @Post()
  @CommandOperation('Define a topic (purpose)', { status: 201, description: 'Defined', schema: 'CommandResponse' }, ['DefineTopic'])
  @Roles('admin', 'dpo')
  define(@Body() dto: DefineTopicDto, @CommandCtx() ctx: CommandContext): Promise<CommandResponse> {
    const { id, ...definition } = dto;
    return this.commands.execute(new DefineTopicCommand(id, { topicId: id, ...definition }, ctx));
  }

  /** The text's SHA-256 is computed here, so the hash in every later receipt is the hash of what was shown. */
  @Post(':id/versions')
  @CommandOperation('Publish a consent-text version', { status: 201, description: 'Published', schema: 'CommandResponse' }, ['PublishConsentTextVersion'])
  @Roles('admin', 'dpo')
  publish(@Param('id') id: string, @Body() dto: PublishVersionDto, @CommandCtx() ctx: CommandContext): Promise<CommandResponse> {
    const textHash = createHash('sha256').update(dto.text, 'utf8').digest('hex');
    return this.commands.execute(new PublishConsentTextVersionCommand(id, { topicId: id, ...dto, textHash }, ctx));
  }

  @Post(':id/retire')
  @CommandOperation('Retire a topic', { status: 200, description: 'Retired', schema: 'CommandResponse' }, ['RetireTopic'])
  @HttpCode(200)
  @Roles('admin', 'dpo')
  retire(@Param('id') id: string, @Body() dto: RetireTopicDto, @CommandCtx() ctx: CommandContext): Promise<CommandResponse> {
    return this.commands.execute(new RetireTopicCommand(id, { topicId: id, reason: dto.reason }, ctx));
  }

  @Get(':id')
  @Operation('A topic with its text versions', { status: 200, description: 'The topic', schema: 'Topic' }, 'TOPIC.NOT_FOUND')
  @Roles('admin', 'dpo', 'crm', 'journey', 'auditor')
  async get(@Param('id') id: string): Promise<TopicView> {
    const view = await this.topics.view(id);
    if (!view) throw refusal('TOPIC.NOT_FOUND', `topic ${id} is not defined`);
    return view;
  }
}
