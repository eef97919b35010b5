import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, READ_STORE, type AppConfig } from '#runtime';
import { answerContactability, checkContactability, type ContactabilityCheck } from '#projections';
import type { ReadStore } from '#read-store';
import { Roles } from '../auth';
import { ContactabilityQueryPipe, type ContactabilityQuery } from './contactability-query.pipe';
import { ContactabilityReads } from './contactability-reads';
import { ContactabilityBatchDto } from './dto/contactability-batch.dto';
import { ReadYourWrites } from './read-your-writes';
import { requireKnownChannel, subjectNotFound, topicNotFound } from './read-side-errors';
import { Operation } from '../http/openapi/operation.decorators';
import { LeanRoute } from '../http/lean-route';

/** The name `check` is marked lean with (see contactability-route.ts). */
export const CONTACTABILITY_CHECK = 'contactability-check';

/** The subject id of the check; a lean route runs it too (contactability-route.ts). */
export const subjectIdPipe = new ParseUUIDPipe({ version: '4' });

/** The journey's "Werbesperre" step: may we contact this person on this channel about this topic, now? */
@ApiTags('read-side')
@ReadYourWrites()
@Controller()
export class ContactabilityController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reads: ContactabilityReads,
  ) {}

  @Get('subjects/:id/contactability')
  // Served by contactabilityCheckHandler: the same guards, pipes and this method, without Nest's per-request pipeline.
  @LeanRoute(CONTACTABILITY_CHECK)
  @Operation(
    'May this subject be contacted on this channel about this topic now?',
    { status: 200, description: 'The decision with its reasons', schema: 'Contactability' },
    'VALIDATION.FAILED',
    'SUBJECT.NOT_FOUND',
    'TOPIC.NOT_FOUND',
  )
  @Roles('journey', 'crm', 'admin')
  @ApiQuery({ name: 'topicId', type: String, required: true })
  @ApiQuery({ name: 'channel', type: String, required: true })
  @ApiQuery({ name: 'contactPointId', type: String, required: false })
  async check(@Param('id', subjectIdPipe) id: string, @Query(ContactabilityQueryPipe) query: ContactabilityQuery) {
    const check: ContactabilityCheck = {
      subjectId: id,
      topicId: query.topicId,
      channel: query.channel,
      contactPointId: query.contactPointId,
    };
    requireKnownChannel(check.channel, this.config.domain.channels);
    const [profile, topic] = await this.reads.inputs(id, check.topicId);
    // Where the batch denies with SUBJECT.UNKNOWN or TOPIC.UNKNOWN, the single resource is not found.
    if (!profile) throw subjectNotFound(id);
    if (!topic) throw topicNotFound(check.topicId);
    const decision = answerContactability({ profile, topic }, check, new Date().toISOString());
    return { subjectId: id, topicId: topic.id, channel: check.channel, legalBasis: topic.legalBasis, ...decision };
  }

  /** Up to 1,000 checks answered in the order given; unknown subjects or topics are denied, not failed. */
  @Post('contactability')
  @Operation(
    'Check contactability for many subjects at once',
    { status: 200, description: 'One result per check, in order', schema: 'ContactabilityBatch' },
    'TOPIC.NOT_FOUND',
  )
  @HttpCode(200)
  @Roles('journey', 'crm', 'admin')
  async batch(@Body() body: ContactabilityBatchDto) {
    body.checks.forEach((check, i) =>
      requireKnownChannel(check.channel, this.config.domain.channels, `checks.${i}.channel`),
    );
    const decisions = await checkContactability(this.store, body.checks, new Date().toISOString());
    return { results: body.checks.map((check, i) => ({ ...check, ...decisions[i]! })) };
  }
}
