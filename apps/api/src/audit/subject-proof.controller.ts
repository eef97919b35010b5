import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  GetConsentReceipt,
  GetConsentRecord,
  type ConsentRecordDocument,
  type ReceiptRequest,
  GetSubjectStateAt,
  GetSubjectTimeline,
  VerifySubject,
  type SubjectStateAt,
  type SubjectVerification,
  type TimelineEntry,
} from '#application';
import type { ConsentReceipt } from '#audit';
import { refusal } from '#domain';
import { Roles } from '../auth';
import { Operation } from '../http/openapi/operation.decorators';
import { list, ref } from '../http/openapi/schemas/schema-helpers';

const uuid = new ParseUUIDPipe({ version: '4' });
const NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function name(value: string, field: string): string {
  if (!NAME.test(value))
    throw refusal('VALIDATION.FAILED', `${field} must be an id of letters, digits and ._:-`, field);
  return value;
}

/** Proof about one subject: its verified chain, a readable timeline, its state at a moment, receipts. */
@ApiTags('audit')
@Controller('subjects/:id')
export class SubjectProofController {
  constructor(private readonly queries: QueryBus) {}

  @Get('verify')
  @Operation(
    'Verify the subject’s hash chain and its inclusion in a signed checkpoint',
    { status: 200, description: 'The verification; ok is false with the first break', schema: 'Verification' },
    'SUBJECT.NOT_FOUND',
  )
  @Roles('auditor', 'dpo', 'admin')
  verify(@Param('id', uuid) id: string): Promise<SubjectVerification> {
    return this.queries.execute<VerifySubject, SubjectVerification>(new VerifySubject(id));
  }

  /** Readable in English and German; shows no personal data, so the auditor role may read it. */
  @Get('timeline')
  @Operation(
    'The subject’s history described in English and German',
    { status: 200, description: 'Oldest first', schema: list(ref('TimelineEntry')) },
    'SUBJECT.NOT_FOUND',
  )
  @Roles('crm', 'dpo', 'auditor', 'admin')
  timeline(@Param('id', uuid) id: string): Promise<TimelineEntry[]> {
    return this.queries.execute<GetSubjectTimeline, TimelineEntry[]>(new GetSubjectTimeline(id));
  }

  @Get('state')
  @Operation(
    'The subject as the log knew it at a time',
    { status: 200, description: 'The state at `at`', schema: 'SubjectStateAt' },
    'SUBJECT.NOT_FOUND',
    'VALIDATION.FAILED',
  )
  @Roles('crm', 'dpo', 'auditor', 'admin')
  @ApiQuery({ name: 'at', required: true, description: 'ISO-8601 time with an offset, not in the future' })
  state(@Param('id', uuid) id: string, @Query('at') at: unknown): Promise<SubjectStateAt> {
    return this.queries.execute<GetSubjectStateAt, SubjectStateAt>(
      new GetSubjectStateAt(id, at, new Date().toISOString()),
    );
  }

  @Get('consents/:topicId/:channel/receipt')
  @Operation(
    'A signed consent receipt with the proof of its event',
    { status: 200, description: 'The receipt', schema: 'ConsentReceipt' },
    'SUBJECT.NOT_FOUND',
    'RECEIPT.NOT_FOUND',
    'VALIDATION.FAILED',
  )
  @Roles('crm', 'dpo', 'auditor', 'admin')
  @ApiQuery({ name: 'contactPointId', required: false, description: 'for a consent given for one address only' })
  receipt(
    @Param('id', uuid) id: string,
    @Param('topicId') topicId: string,
    @Param('channel') channel: string,
    @Query('contactPointId') contactPointId: unknown,
  ): Promise<ConsentReceipt> {
    const request = consentRequest(id, topicId, channel, contactPointId);
    return this.queries.execute<GetConsentReceipt, ConsentReceipt>(new GetConsentReceipt(request));
  }

  /** Art. 7(1): readable wherever the subject's consents are, since it holds no more than they do. */
  @Get('consents/:topicId/:channel/record')
  @Operation(
    'The consent as an ISO/IEC TS 27560 consent record with W3C DPV terms (Art. 7(1))',
    { status: 200, description: 'The record, JSON-LD', schema: 'ConsentRecord' },
    'SUBJECT.NOT_FOUND',
    'CONSENT_RECORD.NOT_FOUND',
    'VALIDATION.FAILED',
  )
  @Roles('crm', 'dpo', 'auditor', 'admin', 'journey')
  @ApiQuery({ name: 'contactPointId', required: false, description: 'for a consent given for one address only' })
  record(
    @Param('id', uuid) id: string,
    @Param('topicId') topicId: string,
    @Param('channel') channel: string,
    @Query('contactPointId') contactPointId: unknown,
  ): Promise<ConsentRecordDocument> {
    const request = consentRequest(id, topicId, channel, contactPointId);
    return this.queries.execute<GetConsentRecord, ConsentRecordDocument>(new GetConsentRecord(request));
  }
}

function consentRequest(id: string, topicId: string, channel: string, contactPointId: unknown): ReceiptRequest {
  if (contactPointId !== undefined && (typeof contactPointId !== 'string' || !NAME.test(contactPointId))) {
    throw refusal('VALIDATION.FAILED', 'contactPointId must be one id', 'contactPointId');
  }
  return {
    subjectId: id,
    topicId: name(topicId, 'topicId'),
    channel: name(channel, 'channel'),
    contactPointId,
    now: new Date().toISOString(),
  };
}
