import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SUBJECT_CRYPTO, READ_STORE } from '#runtime';
import type { SubjectCrypto } from '#crypto';
import { findByLookupKey, getProfile, listTopics, subjectPicture } from '#projections';
import type { ReadStore } from '#read-store';
import { Caller, Roles, type CallerIdentity } from '../auth';
import { LookupQueryDto } from './dto/read-queries.dto';
import { lookupKeyOf } from './lookup-key';
import { audienceOf, ProfileView } from './profile-view';
import { ReadYourWrites } from './read-your-writes';
import { subjectNotFound } from './read-side-errors';
import { Operation } from '../http/openapi/operation.decorators';

const uuid = new ParseUUIDPipe({ version: '4' });

/** The CRM's view of a data subject, from the subject-profile read model. */
@ApiTags('read-side')
@ReadYourWrites()
@Controller('subjects')
export class SubjectProfileController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(SUBJECT_CRYPTO) private readonly crypto: SubjectCrypto,
    private readonly view: ProfileView,
  ) {}

  /**
   * Exact lookup through the blind index: the address or id itself is never stored in clear. Every
   * match is returned: the ledger does not arbitrate identities between subjects (see README).
   */
  @Get()
  @Operation(
    'Find subjects by e-mail, phone or external id (blind index)',
    { status: 200, description: 'Exact matches: every subject linked to the value', schema: 'SubjectLookup' },
    'VALIDATION.FAILED',
    'EXTERNAL_ID.REFERENCE_INVALID',
    'EXTERNAL_ID.SYSTEM_INVALID',
    'EXTERNAL_ID.ID_INVALID',
  )
  @Roles('crm', 'dpo', 'admin')
  async lookup(@Query() query: LookupQueryDto, @Caller() caller: CallerIdentity) {
    const lookupKey = lookupKeyOf(query, this.crypto);
    const found = await findByLookupKey(this.store, lookupKey);
    const audience = audienceOf(caller.roles);
    return { items: await Promise.all(found.map(({ doc }) => this.view.summary(doc, audience))) };
  }

  @Get(':id')
  @Operation(
    'A subject’s profile, consents, objections and blocks',
    { status: 200, description: 'The profile as the caller’s role may see it', schema: 'SubjectProfile' },
    'SUBJECT.NOT_FOUND',
  )
  @Roles('crm', 'dpo', 'admin', 'auditor', 'journey')
  async get(@Param('id', uuid) id: string, @Caller() caller: CallerIdentity) {
    const found = await getProfile(this.store, id);
    if (!found) throw subjectNotFound(id);
    const topics = await listTopics(this.store);
    const now = new Date().toISOString();
    const byId = new Map(topics.map((topic) => [topic.id, topic]));
    const audience = audienceOf(caller.roles);
    const presented = await this.view.present(found.doc, byId, audience, now);
    // Journeys ask the contactability routes; the picture is for people looking at one subject.
    const picture = audience === 'consents' ? {} : { picture: subjectPicture(found.doc, topics, now) };
    return { ...presented, ...picture, position: found.position };
  }
}
