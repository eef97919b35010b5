import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, READ_STORE, type AppConfig } from '#runtime';
import { findAudience, getTopic } from '#projections';
import type { ReadStore } from '#read-store';
import { Roles } from '../auth';
import { AudienceQueryDto } from './dto/read-queries.dto';
import { ReadYourWrites } from './read-your-writes';
import { requireKnownChannel, topicNotFound } from './read-side-errors';
import { Operation } from '../http/openapi/operation.decorators';

/** Who may be contacted now about a topic on a channel, decided per subject like a single check. */
@ApiTags('read-side')
@ReadYourWrites()
@Controller('audiences')
export class AudiencesController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Operation(
    'Subjects who may be contacted on a channel about a topic',
    { status: 200, description: 'One page; follow `next`', schema: 'Audience' },
    'VALIDATION.FAILED',
    'TOPIC.NOT_FOUND',
  )
  @Roles('journey', 'crm', 'admin')
  async list(@Query() query: AudienceQueryDto) {
    requireKnownChannel(query.channel, this.config.domain.channels);
    const topic = await getTopic(this.store, query.topicId);
    if (!topic) throw topicNotFound(query.topicId);
    const page = await findAudience(this.store, topic, query.channel, new Date().toISOString(), {
      after: query.after,
      limit: query.limit ?? 100,
    });
    return { topicId: topic.id, channel: query.channel, legalBasis: topic.legalBasis, ...page };
  }
}
